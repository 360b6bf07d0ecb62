import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { DepartmentDto, MeDto, PageDto } from '@duban/domain';

/** The editable part of the reminder policy (libs/domain ReminderPolicy); other fields pass through unchanged. */
export interface ReminderPolicy {
  sendAtLocalTime: string;
  beforeDays: readonly number[];
  overdueFirstAfterDays: number;
  overdueEveryDays: number;
  escalateAfterDays: number;
  reportIntervalDays: number;
  reportReminderBeforeDays: number;
}
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';

export interface UserRow extends MeDto {
  email?: string | null;
  active?: boolean;
}

export interface NotificationPreferences {
  inbox: boolean;
  email: boolean;
}

function itemsOf<T>(value: T[] | PageDto<T>): T[] {
  return Array.isArray(value) ? value : value.items;
}

/** Admin data: departments, users, the reminder policy and the user's own channels. Each section fails on its own. */
@Injectable()
export class AdminStore {
  private readonly http = inject(HttpClient);

  readonly departments = signal<DepartmentDto[]>([]);
  readonly users = signal<UserRow[]>([]);
  readonly policy = signal<ReminderPolicy | null>(null);
  readonly preferences = signal<NotificationPreferences | null>(null);
  readonly errors = signal<Partial<Record<'departments' | 'users' | 'policy' | 'preferences', string>>>({});
  readonly saving = signal(false);
  readonly message = signal<string | null>(null);

  async load(): Promise<void> {
    const [departments, users, policy, preferences] = await Promise.allSettled([
      firstValueFrom(this.http.get<DepartmentDto[]>('/api/departments')),
      firstValueFrom(this.http.get<UserRow[] | PageDto<UserRow>>('/api/users')),
      firstValueFrom(this.http.get<ReminderPolicy>('/api/admin/reminder-policy')),
      firstValueFrom(this.http.get<NotificationPreferences>('/api/notifications/preferences')),
    ]);
    const errors: Partial<Record<'departments' | 'users' | 'policy' | 'preferences', string>> = {};
    if (departments.status === 'fulfilled') this.departments.set(departments.value);
    else errors.departments = errorMessage(departments.reason, '部门加载失败');
    if (users.status === 'fulfilled') this.users.set(itemsOf(users.value));
    else errors.users = errorMessage(users.reason, '用户加载失败');
    if (policy.status === 'fulfilled') this.policy.set(policy.value);
    else errors.policy = errorMessage(policy.reason, '提醒策略加载失败');
    if (preferences.status === 'fulfilled') this.preferences.set(preferences.value);
    else errors.preferences = errorMessage(preferences.reason, '通知设置加载失败');
    this.errors.set(errors);
  }

  savePolicy(patch: Partial<ReminderPolicy>): Promise<void> {
    return this.save('提醒策略已保存', async () => {
      const merged = { ...(this.policy() ?? {}), ...patch };
      this.policy.set(await firstValueFrom(this.http.put<ReminderPolicy>('/api/admin/reminder-policy', merged)));
    });
  }

  savePreferences(prefs: NotificationPreferences): Promise<void> {
    return this.save('通知设置已保存', async () => {
      this.preferences.set(await firstValueFrom(this.http.put<NotificationPreferences>('/api/notifications/preferences', prefs)));
    });
  }

  private async save(done: string, fn: () => Promise<void>): Promise<void> {
    this.saving.set(true);
    this.message.set(null);
    try {
      await fn();
      this.message.set(done);
    } catch (err) {
      this.message.set(errorMessage(err, '保存失败'));
    } finally {
      this.saving.set(false);
    }
  }
}
