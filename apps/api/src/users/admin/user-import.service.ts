import {
  USER_IMPORT_ROLES,
  type ImportedUserDto,
  type UserImportResultDto,
  type UserImportRowDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth.decorators';
import { DepartmentsService } from '../../departments/departments.service';
import { userImportErrors } from '../users.errors';
import { oneTimePassword } from '../one-time-password';
import { hashPassword } from '../password-hasher';
import { UserEntity } from '../user.entity';
import { accountProblems, cleanOptional } from './account-rules';
import { actorOf, isUsernameConflict } from './user-admin.service';
import { readUserSheet } from './user-sheet';

interface CheckedRow extends UserImportRowDto {
  departmentId: string | null;
}

/**
 * Bulk creation from an Excel sheet (用户名, 姓名, 角色, 所属部门, 邮箱, 手机). Every row is checked on its
 * own and gets every reason it cannot be created; a dry run stops there. A real run creates the rows
 * without errors in one transaction (one audit entry) and returns their one-time passwords, which
 * exist nowhere else: the upload is checked again rather than a preview stored with secrets in it.
 */
@Injectable()
export class UserImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  async run(
    admin: AuthUser,
    fileName: string,
    bytes: Uint8Array,
    dryRun: boolean,
  ): Promise<UserImportResultDto> {
    const rows = await this.check(await readUserSheet(bytes, fileName));
    const good = rows.filter((r) => r.errors.length === 0);
    const result = (created: ImportedUserDto[]): UserImportResultDto => ({
      dryRun,
      rows: rows.map(({ departmentId: _departmentId, ...row }) => row),
      errorRows: rows.length - good.length,
      created,
    });
    if (dryRun || good.length === 0) return result([]);
    const accounts = good.map((r) => ({ row: r, temporaryPassword: oneTimePassword() }));
    // One bcrypt hash per account (thread pool, bounded by password-hasher): never a shared password.
    const hashes = await Promise.all(accounts.map((a) => hashPassword(a.temporaryPassword)));
    await this.dataSource
      .transaction(async (manager) => {
        await manager.getRepository(UserEntity).insert(
          accounts.map(({ row }, i) => ({
            username: row.username,
            displayName: row.displayName,
            passwordHash: hashes[i],
            role: row.role ?? 'officer',
            departmentId: row.departmentId,
            isHead: row.isHead,
            email: row.email,
            phone: row.phone,
            active: true,
            mustChangePassword: true,
          })),
        );
        await this.audit.record(manager, {
          taskId: null,
          action: 'user.imported',
          actor: actorOf(admin),
          detail: { file: fileName, usernames: accounts.map((a) => a.row.username) },
        });
      })
      .catch((error: unknown) => {
        if (!isUsernameConflict(error)) throw error;
        // Someone created one of these usernames between the check and the insert: nothing was created.
        throw userImportErrors.conflict();
      });
    return result(
      accounts.map(({ row, temporaryPassword }) => ({
        username: row.username,
        displayName: row.displayName,
        temporaryPassword,
      })),
    );
  }

  private async check(sheet: Awaited<ReturnType<typeof readUserSheet>>): Promise<CheckedRow[]> {
    const directory = await this.departments.directory();
    const usernames = sheet.map((r) => r.cells['用户名'] ?? '').filter((u) => u !== '');
    const existing = new Set(
      usernames.length
        ? (
            await this.dataSource
              .getRepository(UserEntity)
              .find({ select: { username: true }, where: { username: In(usernames) } })
          ).map((u) => u.username)
        : [],
    );
    const firstRowOf = new Map<string, number>();
    return sheet.map(({ row, cells }) => {
      const username = cells['用户名'] ?? '';
      const roleWord = (cells['角色'] ?? '').replace(/\s+/gu, '');
      const roleOf = USER_IMPORT_ROLES[roleWord];
      const departmentName = cells['所属部门'] ?? '';
      const department = departmentName ? directory.find(departmentName) : undefined;
      const checked: CheckedRow = {
        row,
        username,
        displayName: cells['姓名'] ?? '',
        role: roleOf?.role ?? null,
        isHead: roleOf?.isHead ?? false,
        department: department ? { id: department.id, name: department.name } : null,
        departmentId: department?.id ?? null,
        email: cleanOptional(cells['邮箱']),
        phone: cleanOptional(cells['手机']),
        errors: [],
      };
      if (!roleOf) {
        checked.errors.push(
          roleWord
            ? `角色“${roleWord}”无法识别，请填写 经办人、部门负责人、督查室 或 管理员。`
            : '请填写角色（经办人、部门负责人、督查室 或 管理员）。',
        );
      }
      const problems = accountProblems({
        username,
        displayName: checked.displayName,
        role: checked.role ?? 'officer',
        isHead: checked.isHead,
        department: departmentName ? (department ?? null) : undefined,
        departmentLabel: departmentName,
        email: checked.email,
        phone: checked.phone,
      });
      // Without a known role the department rules would only guess.
      for (const p of problems)
        if (roleOf || !p.code.startsWith('USER_DEPARTMENT')) checked.errors.push(p.message);
      if (username) {
        const earlier = firstRowOf.get(username);
        if (earlier !== undefined) checked.errors.push(`用户名“${username}”与第 ${earlier} 行重复。`);
        else firstRowOf.set(username, row);
        if (existing.has(username)) checked.errors.push(`用户名“${username}”已被使用，请换一个。`);
      }
      return checked;
    });
  }
}
