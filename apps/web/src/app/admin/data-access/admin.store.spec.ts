import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ReminderPolicyDto } from '@duban/domain/contract';
import { AdminStore } from './admin.store';

describe('AdminStore', () => {
  let store: AdminStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), AdminStore],
    });
    store = TestBed.inject(AdminStore);
    http = TestBed.inject(HttpTestingController);
    const loading = store.load();
    http.expectOne('/api/departments').flush([
      {
        id: 'dep-1',
        name: '国家卫生健康委员会',
        kind: 'ministry',
        aliases: ['卫生健康委'],
        successor: null,
        predecessors: [],
        createdFromImport: false,
        jurisdiction: null,
        collective: false,
      },
    ]);
    http
      .expectOne('/api/admin/webhooks')
      .flush(
        { statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /api/admin/webhooks' },
        { status: 404, statusText: 'Not Found' },
      );
    http.expectOne('/api/admin/reminder-policy').flush(null, { status: 500, statusText: 'Server Error' });
    http.expectOne('/api/notifications/preferences').flush({ inbox: true, email: false });
    await loading;
  });

  afterEach(() => http.verify());

  it('loads each section on its own and says which routes are missing', () => {
    expect(store.departments()).toHaveLength(1);
    expect(store.preferences()).toEqual({ inbox: true, email: false });
    expect(store.errors().webhooks).toBe('服务器暂未提供Webhook接口（GET /api/admin/webhooks）');
    expect(store.errors().policy).toBe('提醒策略加载失败');
    expect(store.errors().departments).toBeUndefined();
  });

  it('adds and removes department webhooks', async () => {
    const adding = store.addWebhook({
      departmentId: 'dep-1',
      url: 'https://example.org/hook',
      secret: '0123456789abcdef',
    });
    const post = http.expectOne('/api/admin/webhooks');
    expect(post.request.body).toEqual({
      departmentId: 'dep-1',
      url: 'https://example.org/hook',
      secret: '0123456789abcdef',
    });
    post.flush({
      id: 'wh-1',
      departmentId: 'dep-1',
      url: 'https://example.org/hook',
      enabled: true,
      createdAt: '2026-11-22T01:00:00Z',
    });
    expect(await adding).toBe(true);
    expect(store.departmentName(store.webhooks()[0].departmentId)).toBe('国家卫生健康委员会');

    const removing = store.removeWebhook('wh-1');
    const del = http.expectOne('/api/admin/webhooks/wh-1');
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    expect(await removing).toBe(true);
    expect(store.webhooks()).toEqual([]);
    expect(store.message()).toBe('Webhook 已删除');
  });

  it('sends only the editable policy fields', async () => {
    const policy = {
      sendAtLocalTime: '09:00',
      beforeDays: [7, 3, 1, 0],
      milestoneBeforeDays: [3, 0],
      overdueFirstAfterDays: 1,
      overdueEveryDays: 7,
      escalateAfterDays: 14,
      reportIntervalDays: 30,
      reportReminderBeforeDays: 3,
      nonWorkingDays: 'shift' as const,
    };
    store.policy.set({
      ...policy,
      utcOffsetMinutes: 480,
      signoffWithinWorkingDays: 3,
      graceMs: 60_000,
      maxLatenessMs: 3_600_000,
    } satisfies ReminderPolicyDto);
    const saving = store.savePolicy({ ...policy, overdueEveryDays: 5 });
    const put = http.expectOne('/api/admin/reminder-policy');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ ...policy, overdueEveryDays: 5 });
    put.flush({ ...policy, overdueEveryDays: 5, utcOffsetMinutes: 480 });
    expect(await saving).toBe(true);
    expect(store.policy()?.overdueEveryDays).toBe(5);
  });

  it('reports a refused webhook with the API message', async () => {
    const adding = store.addWebhook({
      departmentId: 'dep-x',
      url: 'https://example.org/hook',
      secret: '0123456789abcdef',
    });
    http
      .expectOne('/api/admin/webhooks')
      .flush(
        { statusCode: 404, code: 'DEPARTMENT_NOT_FOUND', message: '没有找到该部门，请检查部门编号。' },
        { status: 404, statusText: 'Not Found' },
      );
    expect(await adding).toBe(false);
    expect(store.message()).toBe('没有找到该部门，请检查部门编号。');
    expect(store.webhooks()).toEqual([]);
  });
});
