import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChecklistItemDto, TaskDetailDto } from '@duban/domain/contract';
import { aTaskDetail, flushMicrotasks } from '../../../testing/fixtures';
import { TaskChecklist } from './task-checklist';

const open = (text: string): ChecklistItemDto => ({ text, done: false, doneAt: null, doneBy: null });

describe('TaskChecklist', () => {
  let fixture: ComponentFixture<TaskChecklist>;
  let http: HttpTestingController;
  let answers: TaskDetailDto[];

  const withItems = (overrides: Partial<TaskDetailDto> = {}): TaskDetailDto =>
    aTaskDetail({
      id: 'task-9',
      version: 5,
      checklist: [
        { text: '完成设备联网改造', done: true, doneAt: '2026-12-01T02:00:00Z', doneBy: '张三' },
        open('建设行业数据平台'),
        open('培育一批示范企业'),
      ],
      ...overrides,
    });

  async function render(task: TaskDetailDto): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TaskChecklist);
    answers = [];
    fixture.componentInstance.changed.subscribe((t) => answers.push(t));
    fixture.componentRef.setInput('task', task);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const boxes = (): HTMLInputElement[] =>
    Array.from(host().querySelectorAll<HTMLInputElement>('input[type="checkbox"]'));

  it('reads as a list with how far it has got, without boxes for those who do not report', async () => {
    await render(withItems({ allowedActions: [] }));
    expect(host().querySelector('[data-testid="checklist-summary"]')?.textContent).toContain(
      '已完成 1 / 3 项',
    );
    const items = host().querySelectorAll('[data-testid="checklist-item"]');
    expect(items).toHaveLength(3);
    expect(items[0].textContent).toContain('（已完成）');
    expect(items[0].textContent).toContain('张三');
    expect(items[1].textContent).toContain('（未完成）');
    expect(boxes()).toHaveLength(0);
  });

  it('ticks an item with the version the officer saw and hands the answer to the page', async () => {
    await render(withItems({ allowedActions: ['report_progress'] }));
    expect(boxes().map((b) => b.checked)).toEqual([true, false, false]);
    boxes()[1].click();
    const req = http.expectOne('/api/tasks/task-9/checklist/1');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ done: true });
    expect(req.request.headers.get('If-Match')).toBe('5');
    const answered = withItems({ version: 6 });
    req.flush(answered);
    await flushMicrotasks();
    expect(answers).toEqual([answered]);
  });

  it('shows a refusal in zh-CN and puts the box back', async () => {
    await render(withItems({ allowedActions: ['report_progress'] }));
    boxes()[2].click();
    http
      .expectOne('/api/tasks/task-9/checklist/2')
      .flush(
        { code: 'TASK_CLOSED', message: '任务已「已办结」，不能再修改。' },
        { status: 409, statusText: 'Conflict' },
      );
    await flushMicrotasks();
    await fixture.whenStable();
    expect(host().querySelector('[data-testid="checklist-error"]')?.textContent).toContain('不能再修改');
    expect(boxes()[2].checked).toBe(false);
    expect(answers).toEqual([]);
  });
});
