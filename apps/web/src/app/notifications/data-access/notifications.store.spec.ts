import { DestroyRef } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
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

  it('marks one read and lowers the count', async () => {
    await answer(2);
    store.items.set([
      { id: 'n1', task: null, rule: 'overdue_urge', title: '催办', body: '', createdAt: '2026-11-22T01:00:00Z', readAt: null },
    ]);
    const done = store.markRead('n1');
    http.expectOne('/api/notifications/n1/read').flush(null, { status: 204, statusText: 'No Content' });
    await done;
    expect(store.unread()).toBe(1);
    expect(store.items()[0].readAt).not.toBeNull();
  });
});
