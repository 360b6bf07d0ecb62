import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type {
  CreatedUserDto,
  CreateUserRequestDto,
  PageDto,
  PasswordResetDto,
  UpdateUserRequestDto,
  UserDto,
  UserImportResultDto,
} from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';
import { errorMessage } from '../../core/api-error';
import { downloadBlob } from '../../shared/download';

/**
 * 用户 of 系统管理: the list (searched on the server), create and edit, 停用/启用, 重置密码 and the Excel
 * import. Calls that return a one-time password hand it to the caller once and never keep it here.
 */
@Injectable()
export class UsersStore {
  private readonly http = inject(HttpClient);

  readonly users = signal<UserDto[]>([]);
  readonly total = signal(0);
  readonly query = signal('');
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly message = signal<string | null>(null);
  private loadSeq = 0;

  async load(q = this.query()): Promise<void> {
    this.query.set(q);
    const seq = ++this.loadSeq;
    this.loading.set(true);
    try {
      const params: Record<string, string> = { pageSize: '500' };
      if (q.trim()) params['q'] = q.trim();
      const page = await firstValueFrom(this.http.get<PageDto<UserDto>>('/api/users', { params }));
      // A slower answer to an older search must not overwrite the newer one.
      if (seq !== this.loadSeq) return;
      this.users.set(page.items);
      this.total.set(page.total);
      this.error.set(null);
    } catch (err) {
      if (seq === this.loadSeq) this.error.set(errorMessage(err, '用户列表加载失败'));
    } finally {
      if (seq === this.loadSeq) this.loading.set(false);
    }
  }

  /** Throws with the API's zh-CN message (the dialog shows it beside the form). */
  async create(body: CreateUserRequestDto): Promise<CreatedUserDto> {
    const created = await firstValueFrom(this.http.post<CreatedUserDto>('/api/users', body));
    this.users.update((list) => [created.user, ...list]);
    this.total.update((n) => n + 1);
    this.message.set(`已创建账号 ${created.user.username}`);
    return created;
  }

  async update(id: string, body: UpdateUserRequestDto): Promise<UserDto> {
    const saved = await firstValueFrom(this.http.patch<UserDto>(`/api/users/${id}`, body));
    this.replace(saved);
    this.message.set(`已保存 ${saved.username}`);
    return saved;
  }

  async setActive(user: UserDto, active: boolean): Promise<boolean> {
    this.message.set(null);
    try {
      await firstValueFrom(
        this.http.post<void>(`/api/users/${user.id}/${active ? 'activate' : 'deactivate'}`, null),
      );
      this.replace({ ...user, active });
      this.message.set(active ? `已启用 ${user.username}` : `已停用 ${user.username}，其登录已全部失效`);
      return true;
    } catch (err) {
      this.message.set(errorMessage(err, active ? '启用失败' : '停用失败'));
      return false;
    }
  }

  async resetPassword(user: UserDto): Promise<PasswordResetDto | null> {
    this.message.set(null);
    try {
      const reset = await firstValueFrom(
        this.http.post<PasswordResetDto>(`/api/users/${user.id}/reset-password`, null),
      );
      this.replace({ ...user, mustChangePassword: true });
      return reset;
    } catch (err) {
      this.message.set(errorMessage(err, '重置密码失败'));
      return null;
    }
  }

  /** Checks (dryRun) or imports an .xlsx; the caller shows the per-row errors. Throws with the API's message. */
  async importSheet(file: File, dryRun: boolean): Promise<UserImportResultDto> {
    const body = new FormData();
    body.append('file', file, file.name);
    const result = await firstValueFrom(
      this.http.post<UserImportResultDto>('/api/users/import', body, { params: { dryRun: String(dryRun) } }),
    );
    if (!dryRun && result.created.length > 0) {
      this.message.set(`已导入 ${result.created.length} 个账号`);
      await this.load();
    }
    return result;
  }

  downloadTemplate(): Promise<void> {
    return downloadBlob(this.http, '/api/users/import/template', '用户导入模板.xlsx');
  }

  private replace(user: UserDto): void {
    this.users.update((list) => list.map((u) => (u.id === user.id ? user : u)));
  }
}
