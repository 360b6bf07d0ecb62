import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aTask, flushMicrotasks, pageOf, signInAs } from '../../../testing/fixtures';
import { PAGE_SIZE, TasksStore } from './tasks.store';

function setup(): { store: TasksStore; http: HttpTestingController } {
  TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting(), TasksStore] });
  return { store: TestBed.inject(TasksStore), http: TestBed.inject(HttpTestingController) };
}

describe('TasksStore', () => {
  afterEach(() => {
    TestBed.inject(HttpTestingController).verify();
    localStorage.clear();
  });

  describe('as an officer', () => {
    beforeEach(() => signInAs('officer'));

    it('always scopes the query to the own department and the lead/participant tab', async () => {
      const { store, http } = setup();
      const done = store.load();
      const req = http.expectOne((r) => r.url === '/api/tasks');
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
      const done = store.setFilters({ role: 'participant', status: 'returned', light: 'yellow', document: 'doc-9', dueBefore: '2018-06-30', q: ' 外资 ', overdue: true });
      const req = http.expectOne((r) => r.url === '/api/tasks');
      const p = req.request.params;
      expect([p.get('role'), p.get('status'), p.get('light'), p.get('document'), p.get('dueBefore'), p.get('q'), p.get('overdue')]).toEqual([
        'participant',
        'returned',
        'yellow',
        'doc-9',
        '2018-06-30',
        '外资',
        'true',
      ]);
      req.flush(pageOf([]));
      await done;
      expect(store.activeFilterCount()).toBe(6);
    });

    it('clears filters but keeps the tab', async () => {
      const { store, http } = setup();
      const first = store.setFilters({ role: 'participant', status: 'done' });
      http.expectOne((r) => r.url === '/api/tasks').flush(pageOf([]));
      await first;
      const second = store.resetFilters();
      const req = http.expectOne((r) => r.url === '/api/tasks');
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
      const [oldReq, newReq] = http.match((r) => r.url === '/api/tasks');
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
      http.expectOne((r) => r.url === '/api/tasks' && r.params.get('page') === '1').flush(pageOf([a, b], 3));
      await flushMicrotasks();
      // The first page is usable before the rest arrives.
      expect(store.items()).toHaveLength(2);
      expect(store.loading()).toBe(false);
      expect(store.loadingMore()).toBe(true);
      const next = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('page') === '2');
      next.flush(pageOf([b, c], 3, 2));
      await done;
      expect(store.items().map((t) => t.id)).toEqual([a.id, b.id, c.id]);
      expect(store.hasMore()).toBe(false);
      expect(store.loadingMore()).toBe(false);
      await store.loadMore();
      http.expectNone((r) => r.url === '/api/tasks');
    });

    it('asks for several background pages at once and keeps page order', async () => {
      const { store, http } = setup();
      const page1 = Array.from({ length: PAGE_SIZE }, () => aTask());
      const page2 = Array.from({ length: PAGE_SIZE }, () => aTask());
      const page3 = [aTask(), aTask()];
      const total = page1.length + page2.length + page3.length;
      const done = store.load();
      http.expectOne((r) => r.params.get('page') === '1').flush(pageOf(page1, total));
      await flushMicrotasks();
      const [r2, r3] = [http.expectOne((r) => r.params.get('page') === '2'), http.expectOne((r) => r.params.get('page') === '3')];
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
      http.expectOne((r) => r.url === '/api/tasks').flush(pageOf([aTask()], 2));
      await flushMicrotasks();
      const stalePage2 = http.expectOne((r) => r.url === '/api/tasks' && r.params.get('page') === '2');
      const second = store.setFilters({ status: 'returned' });
      const fresh = aTask({ title: '新筛选结果', status: 'returned' });
      http.expectOne((r) => r.url === '/api/tasks' && r.params.get('status') === 'returned').flush(pageOf([fresh]));
      await second;
      stalePage2.flush(pageOf([aTask({ title: '旧筛选第二页' })], 2, 2));
      await first;
      expect(store.items().map((t) => t.title)).toEqual(['新筛选结果']);
    });

    it('shows the API message when loading fails', async () => {
      const { store, http } = setup();
      const done = store.load();
      http
        .expectOne((r) => r.url === '/api/tasks')
        .flush({ statusCode: 400, code: 'VALIDATION', message: '截止日期格式不正确' }, { status: 400, statusText: 'Bad Request' });
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
      const req = http.expectOne((r) => r.url === '/api/tasks');
      expect(req.request.params.has('department')).toBe(false);
      expect(req.request.params.has('role')).toBe(false);
      req.flush(pageOf([]));
      await all;
      const one = store.setFilters({ department: 'dep-mofcom' });
      const req2 = http.expectOne((r) => r.url === '/api/tasks');
      expect(req2.request.params.get('department')).toBe('dep-mofcom');
      req2.flush(pageOf([]));
      await one;
      await flushMicrotasks();
    });
  });
});
