import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  ChannelPreferencesDto,
  CreateWebhookRequestDto,
  DepartmentDto,
  ReminderPolicyDto,
  UpdateReminderPolicyRequestDto,
  WebhookDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';

type Section = 'departments' | 'policy' | 'preferences' | 'webhooks';

/** A route the API does not offer (yet) reads differently from a failure. */
function sectionError(err: unknown, what: string, route: string): string {
  if (err instanceof HttpErrorResponse && err.status === 404) return `服务器暂未提供${what}接口（${route}）`;
  return errorMessage(err, `${what}加载失败`);
}

/** Admin data: departments, the reminder policy and the user's own channels (users: users/users.store.ts). Each section fails on its own. */
@Injectable()
export class AdminStore {
  private readonly http = inject(HttpClient);

  readonly departments = signal<DepartmentDto[]>([]);
  readonly policy = signal<ReminderPolicyDto | null>(null);
  readonly preferences = signal<ChannelPreferencesDto | null>(null);
  readonly webhooks = signal<WebhookDto[]>([]);
  readonly errors = signal<Partial<Record<Section, string>>>({});
  readonly saving = signal(false);
  readonly message = signal<string | null>(null);

  async load(): Promise<void> {
    const [departments, policy, preferences, webhooks] = await Promise.allSettled([
      firstValueFrom(this.http.get<DepartmentDto[]>('/api/departments')),
      firstValueFrom(this.http.get<ReminderPolicyDto>('/api/admin/reminder-policy')),
      firstValueFrom(this.http.get<ChannelPreferencesDto>('/api/notifications/preferences')),
      firstValueFrom(this.http.get<WebhookDto[]>('/api/admin/webhooks')),
    ]);
    const errors: Partial<Record<Section, string>> = {};
    if (departments.status === 'fulfilled') this.departments.set(departments.value);
    else errors.departments = sectionError(departments.reason, '部门', 'GET /api/departments');
    if (policy.status === 'fulfilled') this.policy.set(policy.value);
    else errors.policy = sectionError(policy.reason, '提醒策略', 'GET /api/admin/reminder-policy');
    if (preferences.status === 'fulfilled') this.preferences.set(preferences.value);
    else
      errors.preferences = sectionError(preferences.reason, '通知设置', 'GET /api/notifications/preferences');
    if (webhooks.status === 'fulfilled') this.webhooks.set(webhooks.value);
    else errors.webhooks = sectionError(webhooks.reason, 'Webhook', 'GET /api/admin/webhooks');
    this.errors.set(errors);
  }

  /** After a department was created, edited or merged (the admin's 部门 tab). */
  async reloadDepartments(): Promise<void> {
    try {
      this.departments.set(await firstValueFrom(this.http.get<DepartmentDto[]>('/api/departments')));
      this.errors.update((e) => ({ ...e, departments: undefined }));
    } catch (err) {
      this.errors.update((e) => ({ ...e, departments: sectionError(err, '部门', 'GET /api/departments') }));
    }
  }

  departmentName(id: string): string {
    return this.departments().find((d) => d.id === id)?.name ?? id;
  }

  addWebhook(hook: CreateWebhookRequestDto): Promise<boolean> {
    return this.save('Webhook 已添加', async () => {
      const created = await firstValueFrom(this.http.post<WebhookDto>('/api/admin/webhooks', hook));
      this.webhooks.update((list) => [...list, created]);
    });
  }

  removeWebhook(id: string): Promise<boolean> {
    return this.save('Webhook 已删除', async () => {
      await firstValueFrom(this.http.delete(`/api/admin/webhooks/${id}`));
      this.webhooks.update((list) => list.filter((w) => w.id !== id));
    });
  }

  savePolicy(patch: UpdateReminderPolicyRequestDto): Promise<boolean> {
    // Only the editable fields: the API refuses unknown properties, and read-only ones (time zone, grace) are not ours to send.
    return this.save('提醒策略已保存', async () => {
      this.policy.set(
        await firstValueFrom(this.http.put<ReminderPolicyDto>('/api/admin/reminder-policy', patch)),
      );
    });
  }

  savePreferences(prefs: ChannelPreferencesDto): Promise<boolean> {
    return this.save('通知设置已保存', async () => {
      this.preferences.set(
        await firstValueFrom(this.http.put<ChannelPreferencesDto>('/api/notifications/preferences', prefs)),
      );
    });
  }

  /**
   * Bull Board opens in its own tab, where no bearer header can be sent: the API first sets a
   * short-lived, dashboard-only HttpOnly cookie. The tab is opened before the round trip (a popup
   * opened after an await is blocked) and pointed at the board once the cookie is set.
   */
  async openQueueDashboard(): Promise<void> {
    const tab = globalThis.open('about:blank', '_blank');
    this.message.set(null);
    try {
      await firstValueFrom(this.http.post<void>('/api/admin/queues-session', null));
      if (tab) tab.location.href = '/api/admin/queues';
      else this.message.set('浏览器阻止了新窗口，请允许本站弹出窗口后重试。');
    } catch (err) {
      tab?.close();
      this.message.set(errorMessage(err, '无法打开队列面板'));
    }
  }

  private async save(done: string, fn: () => Promise<void>): Promise<boolean> {
    this.saving.set(true);
    this.message.set(null);
    try {
      await fn();
      this.message.set(done);
      return true;
    } catch (err) {
      this.message.set(errorMessage(err, '保存失败'));
      return false;
    } finally {
      this.saving.set(false);
    }
  }
}
