import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ExtensionDto, OverdueStatsDto, TaskDetailDto } from '@duban/domain/contract';
import { aTask, aTaskDetail, flushMicrotasks, pageOf, signInAs } from '../../../testing/fixtures';
import { TaskChanges } from '../../core/task-changes';
import { DashboardStore } from './dashboard.store';

const rates = { onTime: 1, dueSoon: 0, undated: 0, overdueRate: 0.3, onTimeRate: 0.2 };
const stats: OverdueStatsDto = {
  totals: {
    tasks: 10,
    done: 4,
    overdue: 3,
    submitted: 2,
    completionRate: 0.4,
    onTime: 2,
    open: 6,
    terminated: 0,
    yellow: 1,
    dueSoon: 1,
    stale: 0,
    undated: 1,
    overdueRate: 0.3,
    onTimeRate: 0.2857,
  },
  byDepartment: [{ id: 'dep-ndrc', name: '国家发展改革委', total: 6, done: 2, overdue: 2, ...rates }],
  byDocument: [{ id: 'doc-1', name: '国发〔2017〕39号', total: 10, done: 4, overdue: 3, ...rates }],
  rules: { yellowWithinDays: 7, staleAfterDays: 30 },
  asOf: '2017-12-01',
};

const extension: ExtensionDto = {
  id: 'ext-1',
  department: { id: 'dep-ndrc', name: '国家发展改革委' },
  requestedBy: '张三',
  reason: '需要跨部门会签',
  currentDeadline: '2017-12-31',
  requestedDeadline: '2018-03-31',
  status: 'pending',
  decidedBy: null,
  decisionReason: null,
  createdAt: '2017-12-01T02:00:00Z',
  decidedAt: null,
};

/** Answers one full dashboard load: stats, overdue list, review queue (list + one detail per row), extensions. */
async function answerLoad(
  http: HttpTestingController,
  queue: TaskDetailDto[],
  extensions: ExtensionDto[],
  totals = stats,
): Promise<void> {
  http.expectOne((r) => r.url === '/api/stats/overdue' && r.params.get('role') === 'lead').flush(totals);
  http.expectOne((r) => r.url === '/api/stats/matrix').flush({ departments: [], documents: [], cells: [] });
  http.expectOne((r) => r.url === '/api/stats/trend').flush({ weeks: [] });
  http
    .expectOne((r) => r.url === '/api/tasks' && r.params.get('overdue') === 'true')
    .flush(pageOf([aTask()], 3));
  http
    .expectOne((r) => r.url === '/api/tasks' && r.params.get('needsAssignment') === 'true')
    .flush(pageOf([aTask({ id: 'task-u' })], 1));
  http
    .expectOne((r) => r.url === '/api/tasks' && r.params.get('status') === 'submitted')
    .flush(
      pageOf(
        queue.map((t) => aTask({ id: t.id, title: t.title, status: 'submitted' })),
        queue.length,
      ),
    );
  http
    .expectOne((r) => r.url === '/api/extensions' && r.params.get('status') === 'pending')
    .flush(extensions);
  await flushMicrotasks();
  for (const t of queue) http.expectOne(`/api/tasks/${t.id}`).flush(t);
  await flushMicrotasks(10);
}

describe('DashboardStore review actions', () => {
  let store: DashboardStore;
  let http: HttpTestingController;
  const submittedA = aTaskDetail({
    id: 'task-a',
    status: 'submitted',
    title: '甲',
    submissionSummary: '已完成实施方案并印发。',
    evidence: [
      {
        id: 'ev-1',
        fileName: '方案.pdf',
        mimeType: 'application/pdf',
        size: 10,
        sha256: 'x',
        department: null,
        uploadedBy: '张三',
        createdAt: '2026-11-01T02:00:00Z',
      },
    ],
    history: [
      {
        id: 'h1',
        action: 'task.submitted',
        actor: '张三',
        at: '2026-11-02T02:00:00Z',
        fromStatus: 'in_progress',
        toStatus: 'submitted',
        detail: null,
      },
    ],
    allowedActions: ['approve', 'return'],
  });
  const submittedB = aTaskDetail({
    id: 'task-b',
    status: 'submitted',
    title: '乙',
    allowedActions: ['approve', 'return'],
  });

  beforeEach(async () => {
    signInAs('supervisor');
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), DashboardStore],
    });
    store = TestBed.inject(DashboardStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    await answerLoad(http, [submittedA, submittedB], [extension]);
    await loading;
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('loads totals, the overdue list and both queues, each queue row with summary, evidence and submitter', () => {
    expect(store.stats()?.totals.completionRate).toBe(0.4);
    expect(store.overdueTotal()).toBe(3);
    expect(store.unassignedTotal()).toBe(1);
    expect(store.submitted().map((r) => r.task.title)).toEqual(['甲', '乙']);
    const [a] = store.submitted();
    expect(a.task.submissionSummary).toBe('已完成实施方案并印发。');
    expect(a.task.evidence).toHaveLength(1);
    expect(a.submittedBy).toBe('张三');
    expect(a.submittedAt).toBe('2026-11-02T02:00:00Z');
    expect(store.can(a, 'approve')).toBe(true);
    expect(store.extensions().map((e) => e.id)).toEqual(['ext-1']);
  });

  it('approves with the comment, then reloads tiles, counts and queue together and tells the other stores', async () => {
    const changes = TestBed.inject(TaskChanges);
    const before = changes.version();
    const done = store.approve(store.submitted()[0], '材料齐全');
    expect(store.busyId()).toBe(submittedA.id);
    const req = http.expectOne(`/api/tasks/${submittedA.id}/approve`);
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ comment: '材料齐全' });
    expect(req.request.headers.get('If-Match')).toBe(String(submittedA.version));
    req.flush({});
    await flushMicrotasks();
    await answerLoad(http, [submittedB], [extension], {
      ...stats,
      totals: { ...stats.totals, done: 5, submitted: 1 },
    });
    expect(await done).toBe(true);
    expect(store.submitted().map((r) => r.task.title)).toEqual(['乙']);
    expect(store.submittedTotal()).toBe(1);
    expect(store.stats()?.totals.submitted).toBe(1);
    expect(store.message()).toBe('已审核通过：甲');
    expect(store.busyId()).toBeNull();
    expect(changes.version()).toBe(before + 1);
  });

  it('returns with the reason in the body', async () => {
    const done = store.returnTask(store.submitted()[1], '缺少佐证材料');
    const req = http.expectOne(`/api/tasks/${submittedB.id}/return`);
    expect(req.request.body).toEqual({ reason: '缺少佐证材料' });
    req.flush({});
    await flushMicrotasks();
    await answerLoad(http, [submittedA], [extension]);
    await done;
    expect(store.submitted().map((r) => r.task.title)).toEqual(['甲']);
  });

  it('keeps the task in the queue and shows the reason when the API refuses', async () => {
    const done = store.approve(store.submitted()[0]);
    http
      .expectOne(`/api/tasks/${submittedA.id}/approve`)
      .flush(
        { statusCode: 409, code: 'TASK_FORBIDDEN_TRANSITION', message: '该任务已被其他督查员处理' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(await done).toBe(false);
    expect(store.submitted()).toHaveLength(2);
    expect(store.error()).toBe('该任务已被其他督查员处理');
    expect(store.lastId()).toBe(submittedA.id);
    expect(store.message()).toBeNull();
  });

  it('grants and refuses extensions', async () => {
    const granted = store.decideExtension(store.extensions()[0], 'grant');
    const req = http.expectOne('/api/extensions/ext-1/grant');
    expect(req.request.body).toEqual({});
    req.flush({});
    await flushMicrotasks();
    await answerLoad(http, [submittedA, submittedB], [{ ...extension, id: 'ext-2' }]);
    await granted;
    expect(store.extensions().map((e) => e.id)).toEqual(['ext-2']);

    const refused = store.decideExtension(store.extensions()[0], 'refuse', '理由不充分');
    const req2 = http.expectOne('/api/extensions/ext-2/refuse');
    expect(req2.request.body).toEqual({ reason: '理由不充分' });
    req2.flush({});
    await flushMicrotasks();
    await answerLoad(http, [submittedA, submittedB], []);
    await refused;
    expect(store.message()).toBe('已不同意延期');
    expect(store.extensions()).toEqual([]);
  });
});

describe('DashboardStore default tab', () => {
  afterEach(() => localStorage.clear());

  it('opens on the extension queue when nothing waits for review', async () => {
    signInAs('supervisor');
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), DashboardStore],
    });
    const store = TestBed.inject(DashboardStore);
    const http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    await answerLoad(http, [], [extension]);
    await loading;
    expect(store.defaultTab()).toBe(1);
    http.verify();
  });
});
