import type { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { TaskDetailDto } from '@duban/domain/contract';
import { aTaskDetail, configurePageTestBed, flushMicrotasks, signInAs } from '../../testing/fixtures';
import { TaskDetailPage } from './task-detail';

describe('TaskDetailPage', () => {
  let fixture: ComponentFixture<TaskDetailPage>;
  let http: HttpTestingController;

  async function open(task: TaskDetailDto | { status: number; body: object }): Promise<void> {
    signInAs('officer');
    http = configurePageTestBed();
    fixture = TestBed.createComponent(TaskDetailPage);
    fixture.componentRef.setInput('id', 'task-42');
    await fixture.whenStable();
    const req = http.expectOne('/api/tasks/task-42');
    if ('status' in task && typeof task.status === 'number')
      req.flush(task.body, { status: task.status, statusText: 'Error' });
    else req.flush(task);
    await flushMicrotasks();
    await fixture.whenStable();
  }

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const q = <T extends HTMLElement>(id: string): T | null => host().querySelector<T>(`[data-testid="${id}"]`);

  it('shows the measure, its source, lead, deadline with the original and the light in words', async () => {
    await open(
      aTaskDetail({
        id: 'task-42',
        deadline: '2018-03-31',
        originalDeadline: '2017-12-31',
        deadlineText: '2017年底前',
        sourceLine: 8,
      }),
    );
    expect(q('task-title')?.textContent).toContain('全面实施准入前国民待遇');
    expect(host().textContent).toContain('《国务院关于促进外资增长若干措施的通知》第 8 行');
    expect(q('lead')?.textContent?.trim()).toBe('国家发展改革委');
    expect(q('deadline')?.textContent).toContain('2018年3月31日');
    expect(q('deadline')?.textContent).toContain('原定 2017年12月31日，已延期');
    expect(host().textContent).toContain('“2017年底前”');
    expect(host().textContent).toContain('红灯·逾期');
  });

  it('shows a recurring duty’s period, when its next report is due, and its 工作清单', async () => {
    await open(
      aTaskDetail({
        id: 'task-42',
        deadline: null,
        recurrence: 'quarter',
        nextReportDue: '2027-03-31',
        checklist: [{ text: '建设统一数据平台', done: false, doneAt: null, doneBy: null }],
      }),
    );
    expect(q('recurrence')?.textContent).toContain('每季度');
    expect(q('next-report-due')?.textContent).toContain('2027年3月31日 前');
    expect(q('checklist')?.textContent).toContain('建设统一数据平台');
  });

  it('offers only the actions the API allows', async () => {
    await open(aTaskDetail({ id: 'task-42', allowedActions: ['report_progress'] }));
    expect(q('open-progress')).not.toBeNull();
    expect(q('open-submit')).toBeNull();
    expect(q('evidence-drop')).toBeNull();
    expect(q('review-card')).toBeNull();
  });

  it('shows no officer actions at all when none are allowed', async () => {
    await open(aTaskDetail({ id: 'task-42', allowedActions: [] }));
    expect(q('officer-actions')).toBeNull();
  });

  it('says the task is not available when the API answers 404', async () => {
    await open({ status: 404, body: { statusCode: 404, code: 'TASK_NOT_FOUND', message: '任务不存在' } });
    expect(q('task-not-found')?.textContent).toContain('任务不存在或无权查看');
    expect(q('task-title')).toBeNull();
  });

  it('reports progress and reloads the task', async () => {
    await open(aTaskDetail({ id: 'task-42', allowedActions: ['report_progress'] }));
    q('open-progress')!.click();
    await fixture.whenStable();
    const box = q<HTMLTextAreaElement>('progress-text')!;
    box.value = '已完成负面清单修订初稿';
    box.dispatchEvent(new Event('input'));
    q('send-progress')!.click();
    await fixture.whenStable();
    const req = http.expectOne('/api/tasks/task-42/progress');
    expect(req.request.body).toEqual({ text: '已完成负面清单修订初稿' });
    req.flush({
      id: 'r1',
      department: { id: 'dep-ndrc', name: '国家发展改革委' },
      author: '张三',
      text: '已完成负面清单修订初稿',
      createdAt: '2026-11-22T02:00:00Z',
    });
    await flushMicrotasks();
    http.expectOne('/api/tasks/task-42').flush(
      aTaskDetail({
        id: 'task-42',
        allowedActions: ['report_progress'],
        reports: [
          {
            id: 'r1',
            department: { id: 'dep-ndrc', name: '国家发展改革委' },
            author: '张三',
            text: '已完成负面清单修订初稿',
            createdAt: '2026-11-22T02:00:00Z',
            cooperation: false,
          },
        ],
      }),
    );
    await flushMicrotasks();
    await fixture.whenStable();
    expect(q('task-message')?.textContent).toContain('进展已报告');
    expect(host().textContent).toContain('2026年11月22日 10:00');
  });

  it('submits with the summary and the version as If-Match', async () => {
    await open(aTaskDetail({ id: 'task-42', version: 7, allowedActions: ['submit', 'upload_evidence'] }));
    q('open-submit')!.click();
    await fixture.whenStable();
    const box = q<HTMLTextAreaElement>('submit-summary')!;
    box.value = '已按要求办结';
    box.dispatchEvent(new Event('input'));
    q('send-submit')!.click();
    await fixture.whenStable();
    const req = http.expectOne('/api/tasks/task-42/submit');
    expect(req.request.headers.get('If-Match')).toBe('7');
    expect(req.request.body).toEqual({ summary: '已按要求办结' });
    req.flush(
      {
        statusCode: 409,
        code: 'TASK_VERSION_CONFLICT',
        message: '任务已被他人修改，请刷新后重试',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await flushMicrotasks();
    await fixture.whenStable();
    expect(q('task-error')?.textContent).toContain('任务已被他人修改');
  });

  it('groups 配合意见 by department below the 主办’s own progress', async () => {
    const report = (
      id: string,
      department: { id: string; name: string },
      cooperation: boolean,
      at: string,
    ) => ({
      id,
      department,
      author: '经办人',
      text: `报告${id}`,
      createdAt: at,
      cooperation,
    });
    const mofcom = { id: 'dep-mofcom', name: '商务部' };
    await open(
      aTaskDetail({
        id: 'task-42',
        reports: [
          report('c1', mofcom, true, '2026-11-20T02:00:00Z'),
          report('m1', { id: 'dep-ndrc', name: '国家发展改革委' }, false, '2026-11-21T02:00:00Z'),
          report('c2', mofcom, true, '2026-11-22T02:00:00Z'),
        ],
      }),
    );
    const groups = Array.from(host().querySelectorAll('[data-testid="report-group"] .group-title')).map((h) =>
      h.textContent?.trim(),
    );
    expect(groups).toEqual(['主办单位进展（1）', '配合意见 · 商务部（2）']);
  });

  it('puts the 签收 card first for the 主办 officer who still has to sign', async () => {
    await open(
      aTaskDetail({
        id: 'task-42',
        awaitingSignoff: true,
        allowedActions: ['acknowledge', 'report_progress'],
      }),
    );
    const cards = Array.from(host().querySelectorAll('.main-col > mat-card'));
    expect(cards[0]?.getAttribute('data-testid')).toBe('responsibility-card');
    expect(q('signoff-tag')?.textContent).toContain('待签收');
    expect(q('acknowledge')).not.toBeNull();
  });
});
