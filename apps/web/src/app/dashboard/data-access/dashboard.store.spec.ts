import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ExtensionDto, OverdueStatsDto } from '@duban/domain';
import { aTask, flushMicrotasks, pageOf, signInAs } from '../../../testing/fixtures';
import { DashboardStore } from './dashboard.store';

const stats: OverdueStatsDto = {
  totals: { tasks: 10, done: 4, overdue: 3, submitted: 2, completionRate: 0.4 },
  byDepartment: [{ id: 'dep-ndrc', name: '国家发展改革委', total: 6, done: 2, overdue: 2 }],
  byDocument: [{ id: 'doc-1', name: '国发〔2017〕39号', total: 10, done: 4, overdue: 3 }],
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

describe('DashboardStore review actions', () => {
  let store: DashboardStore;
  let http: HttpTestingController;
  const submittedA = aTask({ status: 'submitted', title: '甲' });
  const submittedB = aTask({ status: 'submitted', title: '乙' });

  beforeEach(async () => {
    signInAs('supervisor');
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), DashboardStore] });
    store = TestBed.inject(DashboardStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/stats/overdue').flush(stats);
    http.expectOne((r) => r.url === '/api/tasks' && r.params.get('overdue') === 'true').flush(pageOf([aTask()], 3));
    http.expectOne((r) => r.url === '/api/tasks' && r.params.get('status') === 'submitted').flush(pageOf([submittedA, submittedB]));
    http.expectOne((r) => r.url === '/api/extensions' && r.params.get('status') === 'pending').flush([extension]);
    await loading;
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('loads totals, the overdue list and both queues', () => {
    expect(store.stats()?.totals.completionRate).toBe(0.4);
    expect(store.overdueTotal()).toBe(3);
    expect(store.submitted().map((t) => t.title)).toEqual(['甲', '乙']);
    expect(store.extensions().map((e) => e.id)).toEqual(['ext-1']);
  });

  it('approves: POSTs, drops the task from the queue and refreshes the totals', async () => {
    const done = store.approve(submittedA);
    expect(store.busyId()).toBe(submittedA.id);
    const req = http.expectOne(`/api/tasks/${submittedA.id}/approve`);
    expect(req.request.method).toBe('POST');
    expect(req.request.headers.get('If-Match')).toBe(String(submittedA.version));
    req.flush({});
    await done;
    expect(store.submitted().map((t) => t.title)).toEqual(['乙']);
    expect(store.submittedTotal()).toBe(1);
    expect(store.message()).toBe('已审核通过：甲');
    expect(store.busyId()).toBeNull();
    http.expectOne('/api/stats/overdue').flush({ ...stats, totals: { ...stats.totals, done: 5 } });
    await flushMicrotasks();
    expect(store.stats()?.totals.done).toBe(5);
  });

  it('returns with the reason in the body', async () => {
    const done = store.returnTask(submittedB, '缺少佐证材料');
    const req = http.expectOne(`/api/tasks/${submittedB.id}/return`);
    expect(req.request.body).toEqual({ reason: '缺少佐证材料' });
    req.flush({});
    await done;
    http.expectOne('/api/stats/overdue').flush(stats);
    expect(store.submitted().map((t) => t.title)).toEqual(['甲']);
  });

  it('keeps the task in the queue and shows the reason when the API refuses', async () => {
    const done = store.approve(submittedA);
    http
      .expectOne(`/api/tasks/${submittedA.id}/approve`)
      .flush({ statusCode: 409, code: 'TASK_FORBIDDEN_TRANSITION', message: '该任务已被其他督查员处理' }, { status: 409, statusText: 'Conflict' });
    await done;
    expect(store.submitted()).toHaveLength(2);
    expect(store.error()).toBe('该任务已被其他督查员处理');
    expect(store.message()).toBeNull();
  });

  it('grants and refuses extensions', async () => {
    const granted = store.decideExtension(store.extensions()[0], 'grant');
    const req = http.expectOne('/api/extensions/ext-1/grant');
    expect(req.request.body).toEqual({});
    req.flush({});
    await granted;
    http.expectOne('/api/stats/overdue').flush(stats);
    expect(store.extensions()).toEqual([]);

    store.extensions.set([{ ...extension, id: 'ext-2' }]);
    const refused = store.decideExtension(store.extensions()[0], 'refuse', '理由不充分');
    const req2 = http.expectOne('/api/extensions/ext-2/refuse');
    expect(req2.request.body).toEqual({ reason: '理由不充分' });
    req2.flush({});
    await refused;
    http.expectOne('/api/stats/overdue').flush(stats);
    expect(store.message()).toBe('已不同意延期');
  });
});
