import type {
  CreatedUserDto,
  CreateUserRequestDto,
  MeDto,
  UpdateMeRequestDto,
  UpdateUserRequestDto,
  UserDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import type { AuthUser } from '../../auth/auth.decorators';
import { SessionsService } from '../../auth/sessions.service';
import type { DepartmentEntity } from '../../departments/department.entity';
import { DepartmentsService } from '../../departments/departments.service';
import { oneTimePassword } from '../one-time-password';
import { hashPassword } from '../password-hasher';
import { UserEntity } from '../user.entity';
import { AccountRejectedError, UserErrorCode, userErrors } from '../users.errors';
import { UsersService } from '../users.service';
import { accountProblems, cleanOptional, type AccountDraft, type AccountProblem } from './account-rules';

export const actorOf = (user: AuthUser) => ({ id: user.id, name: user.username });

/** Postgres unique_violation on users.username: two admins creating the same name at once. */
export function isUsernameConflict(error: unknown): boolean {
  const driver = (error as { driverError?: { code?: string; constraint?: string } }).driverError;
  return driver?.code === '23505' && driver.constraint === 'UQ_users_username';
}

function refuse(problems: AccountProblem[]): void {
  const [first] = problems;
  if (first) throw new AccountRejectedError(first.code, first.message, { problems });
}

/**
 * Account administration (admins): create an account with a one-time password, edit a person's
 * name, contact, role and department. A change of role or department ends the account's sessions, so
 * no token keeps rights the person no longer has. Every change is audited.
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
  ) {}

  async create(admin: AuthUser, body: CreateUserRequestDto): Promise<CreatedUserDto> {
    const draft: AccountDraft = {
      username: body.username.trim(),
      displayName: body.displayName,
      role: body.role,
      isHead: body.isHead ?? false,
      ...(await this.departmentOf(body.departmentId)),
      email: cleanOptional(body.email),
      phone: cleanOptional(body.phone),
    };
    refuse(accountProblems(draft));
    const username = draft.username ?? '';
    if (await this.users.findByUsername(username)) throw userErrors.usernameTaken(username);
    const temporaryPassword = oneTimePassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const id = await this.dataSource
      .transaction(async (manager) => {
        const saved = await manager.getRepository(UserEntity).save(
          manager.getRepository(UserEntity).create({
            username,
            displayName: draft.displayName.trim(),
            passwordHash,
            role: draft.role,
            departmentId: draft.department?.id ?? null,
            isHead: draft.isHead,
            email: draft.email,
            phone: draft.phone,
            active: true,
            mustChangePassword: true,
          }),
        );
        await this.audit.record(manager, {
          taskId: null,
          action: 'user.created',
          actor: actorOf(admin),
          detail: { userId: saved.id, username, role: draft.role, departmentId: saved.departmentId },
        });
        return saved.id;
      })
      .catch((error: unknown) => {
        throw isUsernameConflict(error) ? userErrors.usernameTaken(username) : error;
      });
    return { user: await this.userDto(id), temporaryPassword };
  }

  async update(admin: AuthUser, id: string, body: UpdateUserRequestDto): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw userErrors.notFound();
    const role = body.role ?? user.role;
    if (id === admin.id && role !== user.role) {
      throw userErrors.selfRole();
    }
    // Leaving the officers clears department and 负责人 unless the admin says otherwise (then refused).
    const departmentId =
      body.departmentId !== undefined ? body.departmentId : role === 'officer' ? user.departmentId : null;
    const isHead = body.isHead ?? (role === 'officer' ? user.isHead : false);
    const draft: AccountDraft = {
      displayName: body.displayName ?? user.displayName,
      role,
      isHead,
      ...(await this.departmentOf(departmentId)),
      email: body.email !== undefined ? cleanOptional(body.email) : user.email,
      phone: body.phone !== undefined ? cleanOptional(body.phone) : user.phone,
    };
    // An unchanged legacy department (e.g. one merged since) does not block editing a phone number.
    const problems = accountProblems(draft).filter(
      (p) => !(p.code === UserErrorCode.DepartmentMerged && departmentId === user.departmentId),
    );
    refuse(problems);
    const next = {
      displayName: draft.displayName.trim(),
      role,
      departmentId: draft.department?.id ?? null,
      isHead,
      email: draft.email,
      phone: draft.phone,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== user[k]);
    if (changed.length === 0) return this.users.toUserDto(user);
    const rightsChanged = changed.includes('role') || changed.includes('departmentId');
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(UserEntity).update(id, next);
      await this.audit.record(manager, {
        taskId: null,
        action: 'user.updated',
        actor: actorOf(admin),
        detail: {
          userId: id,
          changed,
          ...(changed.includes('role') ? { fromRole: user.role, toRole: role } : {}),
          ...(changed.includes('departmentId')
            ? { fromDepartmentId: user.departmentId, toDepartmentId: next.departmentId }
            : {}),
        },
      });
    });
    this.users.forgetIdentity(id);
    if (rightsChanged) await this.sessions.revokeAllOf(id, 'account_changed');
    return this.userDto(id);
  }

  /** 个人设置: a person's own e-mail and phone. */
  async updateMe(caller: AuthUser, body: UpdateMeRequestDto): Promise<MeDto> {
    const user = await this.users.findActiveById(caller.id);
    if (!user) throw userErrors.notFound();
    const email = body.email !== undefined ? cleanOptional(body.email) : user.email;
    const phone = body.phone !== undefined ? cleanOptional(body.phone) : user.phone;
    refuse(
      accountProblems({
        displayName: user.displayName,
        role: 'supervisor',
        isHead: false,
        department: undefined,
        email,
        phone,
      }).filter((p) => p.code === UserErrorCode.EmailInvalid || p.code === UserErrorCode.PhoneInvalid),
    );
    if (email !== user.email || phone !== user.phone) {
      await this.dataSource.transaction(async (manager) => {
        await manager.getRepository(UserEntity).update(user.id, { email, phone });
        await this.audit.record(manager, {
          taskId: null,
          action: 'user.contact_updated',
          actor: actorOf(caller),
          detail: { userId: user.id },
        });
      });
    }
    return this.users.toMeDto({ ...user, email, phone });
  }

  private async userDto(id: string): Promise<UserDto> {
    const user = await this.users.findById(id);
    if (!user) throw userErrors.notFound();
    return this.users.toUserDto(user);
  }

  /** The draft's department fields for an id: none, not found, or the row (with its successor's name). */
  private async departmentOf(
    id: string | null | undefined,
  ): Promise<Pick<AccountDraft, 'department' | 'departmentLabel' | 'successorName'>> {
    if (!id) return { department: undefined };
    const [row] = await this.departments.findByIds([id]);
    if (!row) return { department: null, departmentLabel: id };
    return { department: row, successorName: await this.successorName(row) };
  }

  private async successorName(row: DepartmentEntity): Promise<string | null> {
    if (!row.successorId) return null;
    const [successor] = await this.departments.findByIds([row.successorId]);
    return successor?.name ?? null;
  }
}
