import { HttpRequest, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aTask, flushMicrotasks, pageOf, signInAs } from '../../../testing/fixtures';
import { TaskChanges } from '../../core/task-changes';
import { PAGE_SIZE, TasksStore } from './tasks.store';

/** A list page, not one of the officer's two tab-count requests (pageSize 1). */
const isPage = (r: HttpRequest<unknown>): boolean =>
  r.url === '/api/tasks' && r.params.get('pageSize') !== '1';
const isCount = (r: HttpRequest<unknown>): boolean =>
  r.url === '/api/tasks' && r.params.get('pageSize') === '1';

function setup(): { store: TasksStore; http: HttpTestingController } {
  TestBed.configureTestingModule({
    providers: [provideHttpClient(), provideHttpClientTesting(), TasksStore],
  });
  return { store: TestBed.inject(TasksStore), http: TestBed.inject(HttpTestingController) };
}

describe('TasksStore', () => {
  afterEach(() => {
    // Tab counts that a test did not answer itself.
    for (const req of TestBed.inject(HttpTestingController).match(isCount)) req.flush(pageOf([], 0));
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  describe('as an officer', () => {
    beforeEach(() => signInAs('officer'));

    it('always scopes the query to the own department and the lead/participant tab', async () => {
      const { store, http } = setup();
      const done = store.load();
      const req = http.expectOne(isPage);
      expect(req.request.params.get('department')).toBe('dep-ndrc');
      expect(req.request.params.get('role')).toBe('lead');
      expect(req.request.params.get('page')).toBe('1');
      expect(req.request.params.get('pageSize')).toBe(String(PAGE_SIZE));
      req.flush(pageOf([aTask(), aTask()], 2));
      await done;
      expect(store.items()).toHaveLength(2);
      expect(store.total()).toBe(2);
      expect(store.loading()).toBe(false);
    });

    it('sends every active filter and counts them', async () => {
      const { store, http } = setup();
      const done = store.setFilters({
        role: 'participant',
        status: 'returned',
        light: 'yellow',
        document: 'doc-9',
        dueBefore: '2018-06-30',
        q: ' 外资 ',
        overdue: true,
      });
      const req = http.expectOne(isPage);
      const p = req.request.params;
      expect([
        p.get('role'),
        p.get('status'),
        p.get('light'),
        p.get('document'),
        p.get('dueBefore'),
        p.get('q'),
        p.get('overdue'),
      ]).toEqual(['participant', 'returned', 'yellow', 'doc-9', '2018-06-30', '外资', 'true']);
      req.flush(pageOf([]));
      await done;
      expect(store.activeFilterCount()).toBe(6);
    });

    it('clears filters but keeps the tab', async () => {
      const { store, http } = setup();
      const first = store.setFilters({ role: 'participant', status: 'done' });
      http.expectOne(isPage).flush(pageOf([]));
      await first;
      const second = store.resetFilters();
      const req = http.expectOne(isPage);
      expect(req.request.params.get('role')).toBe('participant');
      expect(req.request.params.has('status')).toBe(false);
      req.flush(pageOf([]));
      await second;
      expect(store.activeFilterCount()).toBe(0);
    });

    it('ignores a slow response to an older filter', async () => {
      const { store, http } = setup();
      const older = store.setFilters({ status: 'done' });
      const newer = store.setFilters({ status: 'returned' });
      const [oldReq, newReq] = http.match(isPage);
      newReq.flush(pageOf([aTask({ title: '新的结果', status: 'returned' })]));
      await newer;
      oldReq.flush(pageOf([aTask({ title: '旧的结果', status: 'done' }), aTask()], 2));
      await older;
      expect(store.items().map((t) => t.title)).toEqual(['新的结果']);
      expect(store.total()).toBe(1);
    });

    it('fetches the following pages in the background, without duplicates, and stops at the total', async () => {
      const { store, http } = setup();
      const [a, b, c] = [aTask(), aTask(), aTask()];
      const done = store.load();
      http.expectOne((r) => isPage(r) && r.params.get('page') === '1').flush(pageOf([a, b], 3));
      await flushMicrotasks();
      // The first page is usable before the rest arrives.
      expect(store.items()).toHaveLength(2);
      expect(store.loading()).toBe(false);
      expect(store.loadingMore()).toBe(true);
      const next = http.expectOne((r) => isPage(r) && r.params.get('page') === '2');
      next.flush(pageOf([b, c], 3, 2));
      await done;
      expect(store.items().map((t) => t.id)).toEqual([a.id, b.id, c.id]);
      expect(store.hasMore()).toBe(false);
      expect(store.loadingMore()).toBe(false);
      await store.loadMore();
      http.expectNone(isPage);
    });

    it('asks for several background pages at once and keeps page order', async () => {
      const { store, http } = setup();
      const page1 = Array.from({ length: PAGE_SIZE }, () => aTask());
      const page2 = Array.from({ length: PAGE_SIZE }, () => aTask());
      const page3 = [aTask(), aTask()];
      const total = page1.length + page2.length + page3.length;
      const done = store.load();
      http.expectOne((r) => isPage(r) && r.params.get('page') === '1').flush(pageOf(page1, total));
      await flushMicrotasks();
      const [r2, r3] = [
        http.expectOne((r) => isPage(r) && r.params.get('page') === '2'),
        http.expectOne((r) => isPage(r) && r.params.get('page') === '3'),
      ];
      r3.flush(pageOf(page3, total, 3));
      r2.flush(pageOf(page2, total, 2));
      await done;
      expect(store.items()).toHaveLength(total);
      expect(store.items()[PAGE_SIZE].id).toBe(page2[0].id);
      expect(store.items()[total - 1].id).toBe(page3[1].id);
    });

    it('drops background pages of a superseded filter', async () => {
      const { store, http } = setup();
      const first = store.load();
      http.expectOne(isPage).flush(pageOf([aTask()], 2));
      await flushMicrotasks();
      const stalePage2 = http.expectOne((r) => isPage(r) && r.params.get('page') === '2');
      const second = store.setFilters({ status: 'returned' });
      const fresh = aTask({ title: '新筛选结果', status: 'returned' });
      http.expectOne((r) => isPage(r) && r.params.get('status') === 'returned').flush(pageOf([fresh]));
      await second;
      stalePage2.flush(pageOf([aTask({ title: '旧筛选第二页' })], 2, 2));
      await first;
      expect(store.items().map((t) => t.title)).toEqual(['新筛选结果']);
    });

    it('shows the API message when loading fails', async () => {
      const { store, http } = setup();
      const done = store.load();
      http
        .expectOne(isPage)
        .flush(
          { statusCode: 400, code: 'VALIDATION', message: '截止日期格式不正确' },
          { status: 400, statusText: 'Bad Request' },
        );
      await done;
      expect(store.error()).toBe('截止日期格式不正确');
      expect(store.items()).toEqual([]);
    });
  });

  describe('as a supervisor', () => {
    beforeEach(() => signInAs('supervisor'));

    it('lists all departments unless one is chosen', async () => {
      const { store, http } = setup();
      const all = store.load();
      const req = http.expectOne(isPage);
      expect(req.request.params.has('department')).toBe(false);
      expect(req.request.params.has('role')).toBe(false);
      req.flush(pageOf([]));
      await all;
      const one = store.setFilters({ department: 'dep-mofcom' });
      const req2 = http.expectOne(isPage);
      expect(req2.request.params.get('department')).toBe('dep-mofcom');
      req2.flush(pageOf([]));
      await one;
      await flushMicrotasks();
    });
  });
});

describe('TasksStore refresh and tabs', () => {
  afterEach(() => {
    for (const req of TestBed.inject(HttpTestingController).match(isCount)) req.flush(pageOf([], 0));
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  it('keeps the rows when nothing changed, reloads them after an action elsewhere', async () => {
    signInAs('supervisor');
    const { store, http } = setup();
    const first = store.load();
    http.expectOne(isPage).flush(pageOf([aTask({ status: 'not_started' })]));
    await first;
    await store.refreshIfStale();
    http.expectNone(isPage);

    TestBed.inject(TaskChanges).notify();
    expect(store.stale()).toBe(true);
    const again = store.refreshIfStale();
    http.expectOne(isPage).flush(pageOf([aTask({ status: 'submitted' })]));
    await again;
    expect(store.items()[0].status).toBe('submitted');
    expect(store.stale()).toBe(false);
  });

  it('counts both tabs and moves a participant-only department to 参与 on the first load', async () => {
    signInAs('officer');
    const { store, http } = setup();
    const done = store.load();
    http.expectOne((r) => isPage(r) && r.params.get('role') === 'lead').flush(pageOf([]));
    http.expectOne((r) => isCount(r) && r.params.get('role') === 'lead').flush(pageOf([], 0));
    http.expectOne((r) => isCount(r) && r.params.get('role') === 'participant').flush(pageOf([aTask()], 1));
    await done;
    await flushMicrotasks();
    expect(store.filters().role).toBe('participant');
    expect(store.roleCounts()).toEqual({ lead: 0, participant: 1 });
    http.expectOne((r) => isPage(r) && r.params.get('role') === 'participant').flush(pageOf([aTask()], 1));
    await flushMicrotasks();
    expect(store.total()).toBe(1);
  });

  it('leaves a department that leads tasks on 牵头, and a chosen tab stays chosen', async () => {
    signInAs('officer');
    const { store, http } = setup();
    const done = store.setRole('lead');
    http.expectOne((r) => isPage(r) && r.params.get('role') === 'lead').flush(pageOf([]));
    http.expectOne((r) => isCount(r) && r.params.get('role') === 'lead').flush(pageOf([], 0));
    http.expectOne((r) => isCount(r) && r.params.get('role') === 'participant').flush(pageOf([aTask()], 3));
    await done;
    await flushMicrotasks();
    expect(store.filters().role).toBe('lead');
  });
});
