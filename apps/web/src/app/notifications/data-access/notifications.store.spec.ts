import { DestroyRef } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { InboxTaskCardDto, InboxUnreadCountsDto, NotificationDto } from '@duban/domain/contract';
import { flushMicrotasks } from '../../../testing/fixtures';
import { NotificationsStore } from './notifications.store';

describe('NotificationsStore', () => {
  let store: NotificationsStore;
  let http: HttpTestingController;
  let destroy: () => void;

  beforeEach(() => {
    vi.useFakeTimers();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(NotificationsStore);
    http = TestBed.inject(HttpTestingController);
    const callbacks: (() => void)[] = [];
    const ref = { onDestroy: (fn: () => void) => callbacks.push(fn) } as unknown as DestroyRef;
    destroy = () => callbacks.forEach((fn) => fn());
    store.startPolling(ref);
  });

  afterEach(() => {
    destroy();
    vi.useRealTimers();
    http.verify();
  });

  const answer = async (count: number): Promise<void> => {
    http.expectOne('/api/notifications/unread-count').flush({ count });
    await flushMicrotasks();
  };

  it('updates the unread count every 30 s without a reload', async () => {
    await answer(1);
    expect(store.unread()).toBe(1);
    vi.advanceTimersByTime(29_000);
    http.expectNone('/api/notifications/unread-count');
    vi.advanceTimersByTime(1_000);
    await answer(4);
    expect(store.unread()).toBe(4);
  });

  it('refreshes when the window regains focus', async () => {
    await answer(0);
    window.dispatchEvent(new Event('focus'));
    await answer(2);
    expect(store.unread()).toBe(2);
  });

  it('stops polling when the shell goes away', async () => {
    await answer(0);
    destroy();
    vi.advanceTimersByTime(60_000);
    window.dispatchEvent(new Event('focus'));
    expect(http.match('/api/notifications/unread-count')).toHaveLength(0);
  });

  it('keeps the last count when a poll fails', async () => {
    await answer(3);
    vi.advanceTimersByTime(30_000);
    http.expectOne('/api/notifications/unread-count').flush(null, { status: 502, statusText: 'Bad Gateway' });
    await flushMicrotasks();
    expect(store.unread()).toBe(3);
  });

  const message = (overrides: Partial<NotificationDto> = {}): NotificationDto => ({
    id: 'n1',
    task: { id: 't1', title: '建立价格监测制度' },
    rule: 'overdue_urge',
    category: 'reminder',
    title: '【催办】已逾期4天：建立价格监测制度',
    body: '国家发展改革委：\n\n任务已逾期4天。\n\n查看任务：http://localhost:3000/tasks/t1',
    text: '任务已逾期4天。',
    appPath: '/tasks/t1',
    createdAt: '2026-11-22T01:00:00Z',
    readAt: null,
    ...overrides,
  });

  const aCard = (overrides: Partial<InboxTaskCardDto> = {}): InboxTaskCardDto => ({
    key: 't1',
    task: {
      id: 't1',
      title: '建立价格监测制度',
      document: { id: 'd1', title: '关于促进外资增长的通知' },
      deadline: '2026-11-18',
      deadlineText: null,
      status: 'in_progress',
      light: 'red',
      overdue: true,
      deadlineFact: '逾期4天',
    },
    latest: message(),
    count: 2,
    unread: 2,
    categories: ['reminder'],
    ...overrides,
  });

  const counts = (byCategory: Partial<InboxUnreadCountsDto['byCategory']>): InboxUnreadCountsDto => {
    const all = { reminder: 0, review: 0, extension: 0, returned: 0, other: 0, ...byCategory };
    return { total: Object.values(all).reduce((a, b) => a + b, 0), byCategory: all };
  };

  const flushCounts = async (value: InboxUnreadCountsDto): Promise<void> => {
    http.expectOne('/api/notifications/unread-counts').flush(value);
    await flushMicrotasks();
  };

  it('loads the task cards of the chosen tab with every tab’s unread count', async () => {
    await answer(0);
    const loading = store.selectCategory('reminder');
    const request = http.expectOne((r) => r.url === '/api/notifications');
    expect(request.request.params.get('groupBy')).toBe('task');
    expect(request.request.params.get('category')).toBe('reminder');
    expect(request.request.params.get('page')).toBe('1');
    request.flush({ items: [aCard()], total: 1, page: 1, pageSize: 20 });
    await flushCounts(counts({ reminder: 2, returned: 1 }));
    await loading;
    expect(store.cards().map((c) => c.key)).toEqual(['t1']);
    expect(store.counts()?.byCategory.returned).toBe(1);
    // The bell follows the badges' total.
    expect(store.unread()).toBe(3);

    const all = store.selectCategory(null);
    const again = http.expectOne((r) => r.url === '/api/notifications');
    expect(again.request.params.has('category')).toBe(false);
    again.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await flushCounts(counts({}));
    await all;
    expect(store.cards()).toEqual([]);
  });

  it('says what failed when the inbox cannot be loaded', async () => {
    await answer(0);
    const loading = store.load(1);
    http
      .expectOne((r) => r.url === '/api/notifications')
      .flush(
        { statusCode: 503, code: 'X', message: '服务暂时不可用' },
        { status: 503, statusText: 'Unavailable' },
      );
    await flushCounts(counts({}));
    await loading;
    expect(store.error()).toBe('服务暂时不可用');
    expect(store.loading()).toBe(false);
  });

  it('opens a card’s history within the tab, marks one of it read, and closes it', async () => {
    await answer(2);
    store.category.set('reminder');
    store.cards.set([aCard()]);
    const opening = store.toggleHistory(aCard());
    expect(store.histories()['t1']?.loading).toBe(true);
    const request = http.expectOne((r) => r.url === '/api/notifications');
    expect(request.request.params.get('taskId')).toBe('t1');
    expect(request.request.params.get('category')).toBe('reminder');
    request.flush({
      items: [message(), message({ id: 'n0', createdAt: '2026-11-19T01:00:00Z' })],
      total: 2,
      page: 1,
      pageSize: 100,
    });
    await opening;
    expect(store.histories()['t1']?.items.map((n) => n.id)).toEqual(['n1', 'n0']);

    const reading = store.markRead('n0');
    http.expectOne('/api/notifications/n0/read').flush(null, { status: 204, statusText: 'No Content' });
    await flushMicrotasks();
    await flushCounts(counts({ reminder: 1 }));
    await reading;
    expect(store.cards()[0].unread).toBe(1);
    expect(store.cards()[0].latest.readAt).toBeNull();
    expect(store.histories()['t1']?.items.find((n) => n.id === 'n0')?.readAt).not.toBeNull();
    expect(store.unread()).toBe(1);

    await store.toggleHistory(aCard());
    expect(store.histories()['t1']).toBeUndefined();
  });

  it('marks a task card read through the task route, within the current tab', async () => {
    await answer(2);
    store.cards.set([aCard(), aCard({ key: 't2', task: { ...aCard().task!, id: 't2' }, unread: 1 })]);
    store.category.set('reminder');
    const reading = store.markCardRead(store.cards()[0]);
    const request = http.expectOne((r) => r.url === '/api/notifications/tasks/t1/read');
    expect(request.request.params.get('category')).toBe('reminder');
    request.flush({ updated: 2 });
    await flushMicrotasks();
    await flushCounts(counts({ reminder: 1 }));
    await reading;
    expect(store.cards().map((c) => c.unread)).toEqual([0, 1]);
    expect(store.cards()[0].latest.readAt).not.toBeNull();
  });

  it('marks a card without a task read by its one message', async () => {
    await answer(1);
    const bulletin = aCard({
      key: 'n9',
      task: null,
      latest: message({ id: 'n9', task: null, appPath: '/bulletins?period=2026-11' }),
      count: 1,
      unread: 1,
    });
    store.cards.set([bulletin]);
    const reading = store.markCardRead(bulletin);
    http.expectOne('/api/notifications/n9/read').flush(null, { status: 204, statusText: 'No Content' });
    await flushMicrotasks();
    await flushCounts(counts({}));
    await reading;
    expect(store.cards()[0].unread).toBe(0);
  });

  it('marks the current tab read and reloads it', async () => {
    await answer(3);
    store.category.set('returned');
    const reading = store.markAllRead();
    const request = http.expectOne((r) => r.url === '/api/notifications/read-all');
    expect(request.request.params.get('category')).toBe('returned');
    request.flush({ updated: 1 });
    await flushMicrotasks();
    http
      .expectOne((r) => r.url === '/api/notifications')
      .flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await flushCounts(counts({ reminder: 2 }));
    await reading;
    expect(store.unread()).toBe(2);
  });

  it('saves the digest choice, and shows the previous one again when saving fails', async () => {
    await answer(0);
    const loading = store.loadDigest();
    http.expectOne('/api/me/digest').flush({ digest: 'none' });
    await loading;
    expect(store.digest()).toBe('none');

    const saving = store.setDigest('daily');
    expect(store.digest()).toBe('daily');
    const put = http.expectOne('/api/me/digest');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ digest: 'daily' });
    put.flush({ digest: 'daily' });
    expect(await saving).toBe(true);

    const failing = store.setDigest('none');
    http
      .expectOne('/api/me/digest')
      .flush(
        { statusCode: 400, code: 'VALIDATION_FAILED', message: '请求参数不正确' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(await failing).toBe(false);
    expect(store.digest()).toBe('daily');
    expect(store.digestError()).toBe('请求参数不正确');
  });
});
