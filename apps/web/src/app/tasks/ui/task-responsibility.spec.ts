import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { TaskDetailDto } from '@duban/domain/contract';
import { aTaskDetail, flushMicrotasks } from '../../../testing/fixtures';
import { TaskResponsibility, type ResponsibilityChange } from './task-responsibility';

describe('TaskResponsibility', () => {
  let fixture: ComponentFixture<TaskResponsibility>;
  let http: HttpTestingController;
  let changes: ResponsibilityChange[];

  const awaiting = (overrides: Partial<TaskDetailDto> = {}): TaskDetailDto =>
    aTaskDetail({
      id: 'task-7',
      version: 4,
      awaitingSignoff: true,
      lead: [
        { id: 'dep-ndrc', name: '国家发展改革委' },
        { id: 'dep-mofcom', name: '商务部' },
      ],
      mainLeadId: 'dep-ndrc',
      signoff: {
        requestedAt: '2026-11-30T01:00:00Z',
        dueDate: '2026-12-02',
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
      ...overrides,
    });

  async function render(task: TaskDetailDto): Promise<void> {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(TaskResponsibility);
    changes = [];
    fixture.componentInstance.changed.subscribe((c) => changes.push(c));
    fixture.componentRef.setInput('task', task);
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement>(id: string): T | null => host().querySelector<T>(`[data-testid="${id}"]`);

  it('shows the 主办, the co-lead and the 签收 window of a task still waiting', async () => {
    await render(awaiting());
    expect(q('main-lead')?.textContent).toContain('国家发展改革委');
    expect(q('main-lead')?.textContent).toContain('协办：商务部');
    expect(q('signoff-state')?.textContent).toContain('待签收');
    expect(q('signoff-state')?.textContent).toContain('2026年12月2日');
    expect(q('assignee')?.textContent).toContain('未指定');
    // Not the 主办's officer: no button, no picker.
    expect(q('acknowledge')).toBeNull();
    expect(q('assignee-picker')).toBeNull();
  });

  it('signs off with the version the officer saw and tells the page', async () => {
    await render(awaiting({ allowedActions: ['acknowledge'] }));
    q<HTMLButtonElement>('acknowledge')!.click();
    const req = http.expectOne('/api/tasks/task-7/acknowledge');
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('If-Match')).toBe('4');
    req.flush(awaiting({ awaitingSignoff: false }));
    await flushMicrotasks();
    expect(changes).toEqual(['acknowledged']);
  });

  it('shows a refusal in zh-CN and changes nothing', async () => {
    await render(awaiting({ allowedActions: ['acknowledge'] }));
    q<HTMLButtonElement>('acknowledge')!.click();
    http
      .expectOne('/api/tasks/task-7/acknowledge')
      .flush(
        { code: 'TASK_ACTION_FORBIDDEN', message: '当前账号无权对该任务执行此操作。' },
        { status: 403, statusText: 'Forbidden' },
      );
    await flushMicrotasks();
    await fixture.whenStable();
    expect(q('responsibility-error')?.textContent).toContain('无权');
    expect(changes).toEqual([]);
  });

  it('loads the department’s officers for the 承办人 picker and names one', async () => {
    await render(
      awaiting({
        awaitingSignoff: false,
        signoff: {
          requestedAt: '2026-11-30T01:00:00Z',
          dueDate: '2026-12-02',
          acknowledgedAt: '2026-12-01T02:00:00Z',
          acknowledgedBy: '张三',
        },
        allowedActions: ['name_assignee'],
      }),
    );
    http.expectOne('/api/tasks/task-7/assignee-candidates').flush([
      { id: 'u-1', name: '张三' },
      { id: 'u-2', name: '李四' },
    ]);
    await flushMicrotasks();
    await fixture.whenStable();
    expect(q('signoff-state')?.textContent).toContain('已签收');
    expect(q('signoff-state')?.textContent).toContain('张三');
    expect(q('assignee-picker')).not.toBeNull();
    // The picker's change handler, as mat-select calls it.
    (fixture.componentInstance as unknown as { nameAssignee(id: string | null): void }).nameAssignee('u-2');
    const req = http.expectOne('/api/tasks/task-7/assignee');
    expect(req.request.method).toBe('PUT');
    expect(req.request.body).toEqual({ userId: 'u-2' });
    req.flush(awaiting({ assignee: { id: 'u-2', name: '李四' } }));
    await flushMicrotasks();
    expect(changes).toEqual(['assignee']);
  });

  it('lets the 督查室 choose the 主办 among several leads only', async () => {
    await render(awaiting({ allowedActions: ['change_main_lead'] }));
    expect(q('main-lead-picker')).not.toBeNull();
    fixture.componentRef.setInput(
      'task',
      awaiting({ allowedActions: ['change_main_lead'], lead: [{ id: 'dep-ndrc', name: '国家发展改革委' }] }),
    );
    await fixture.whenStable();
    expect(q('main-lead-picker')).toBeNull();
  });
});
