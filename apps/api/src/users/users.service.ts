import type { MeDto, PageDto, UserDto, UserListQueryDto, UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import { checkPassword, hashPassword } from './password-hasher';
import { UserEntity } from './user.entity';
import { userCount, userPage } from './users.queries';
import { assertAccountDepartment } from '../departments/department-accounts';

const DEFAULT_USER_PAGE_SIZE = 100;

/** How long an account's identity (role, department, active) is trusted without a query. */
export const IDENTITY_CACHE_MS = 5_000;
const IDENTITY_CACHE_MAX = 10_000;

export type Identity = Pick<UserEntity, 'id' | 'username' | 'role' | 'departmentId' | 'mustChangePassword'>;

let dummyHash: Promise<string> | undefined;

export interface NewUser {
  username: string;
  displayName: string;
  password: string;
  role: UserRole;
  departmentId: string | null;
  email?: string | null;
  phone?: string | null;
  /** 部门负责人 (officers only). */
  isHead?: boolean;
  /** The password was chosen for the user (seed, admin): they must change it at first login. */
  mustChangePassword?: boolean;
  /** Single sign-on identity, for accounts created at their first SSO login. */
  oidcSubject?: string | null;
}

@Injectable()
export class UsersService {
  private readonly identities = new Map<string, { value: Promise<Identity | null>; expiresAt: number }>();

  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findActiveByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username, active: true }, relations: { department: true } });
  }

  findActiveById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id, active: true }, relations: { department: true } });
  }

  /** The few columns every authenticated request needs (one primary-key lookup, no join). */
  findActiveIdentity(id: string): Promise<Identity | null> {
    return this.users.findOne({
      where: { id, active: true },
      select: { id: true, username: true, role: true, departmentId: true, mustChangePassword: true },
    });
  }

  /**
   * `findActiveIdentity` remembered for IDENTITY_CACHE_MS (per process): saves a query on every
   * authenticated request. A deactivated or deleted account is refused at most that long after the
   * change; the in-flight lookup is shared so a burst of requests costs one query.
   */
  cachedActiveIdentity(id: string): Promise<Identity | null> {
    const now = Date.now();
    const hit = this.identities.get(id);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = this.findActiveIdentity(id);
    this.identities.set(id, { value, expiresAt: now + IDENTITY_CACHE_MS });
    // A failed lookup must not be remembered.
    value.catch(() => this.identities.delete(id));
    if (this.identities.size > IDENTITY_CACHE_MAX) this.pruneIdentities(now);
    return value;
  }

  /** Drops a remembered identity (call after changing an account's role, department or status). */
  forgetIdentity(id: string): void {
    this.identities.delete(id);
  }

  private pruneIdentities(now: number): void {
    for (const [key, entry] of this.identities) if (entry.expiresAt <= now) this.identities.delete(key);
    if (this.identities.size > IDENTITY_CACHE_MAX) this.identities.clear();
  }

  /** The account linked to a single sign-on identity (`${issuer}|${sub}`), active or not. */
  findByOidcSubject(subject: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { oidcSubject: subject }, relations: { department: true } });
  }

  /** Links an account to its single sign-on identity (first SSO login of an existing account). */
  async linkOidcSubject(id: string, subject: string): Promise<void> {
    await this.users.update({ id, oidcSubject: IsNull() }, { oidcSubject: subject });
  }

  findByUsername(username: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { username } });
  }

  async create(input: NewUser): Promise<UserEntity> {
    if (input.departmentId) await assertAccountDepartment(this.users.manager, input.departmentId);
    const entity = this.users.create({
      username: input.username,
      displayName: input.displayName,
      passwordHash: await hashPassword(input.password),
      role: input.role,
      departmentId: input.departmentId,
      email: input.email ?? null,
      phone: input.phone ?? null,
      isHead: input.isHead ?? false,
      active: true,
      mustChangePassword: input.mustChangePassword ?? false,
      oidcSubject: input.oidcSubject ?? null,
    });
    return this.users.save(entity);
  }

  /** Checks a password; for an unknown user, still spends the time of one bcrypt check. */
  async verifyPassword(user: UserEntity | null, password: string): Promise<boolean> {
    dummyHash ??= hashPassword('duban-unknown-user');
    return checkPassword(password, user?.passwordHash ?? (await dummyHash));
  }

  /** Replaces a password. `mustChange` marks it as chosen by someone else (admin reset). */
  async setPassword(id: string, password: string, mustChange: boolean): Promise<void> {
    await this.users.update(id, {
      passwordHash: await hashPassword(password),
      mustChangePassword: mustChange,
      passwordChangedAt: new Date(),
    });
    this.forgetIdentity(id);
  }

  /** Activates or deactivates an account; false when there is no such account. */
  async setActive(id: string, active: boolean): Promise<boolean> {
    const result = await this.users.update(id, { active });
    this.forgetIdentity(id);
    return (result.affected ?? 0) > 0;
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOne({ where: { id }, relations: { department: true } });
  }

  /** Accounts for the admin screen: admins and supervisors first, then by department and username. */
  async list(query: UserListQueryDto): Promise<PageDto<UserDto>> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? DEFAULT_USER_PAGE_SIZE;
    const q = query.q?.trim() || undefined;
    const rows = await userPage(this.users.manager, q, pageSize, (page - 1) * pageSize);
    // Past the last page there is no row to carry the total: count it.
    const total =
      rows.length > 0 ? rows[0].total_count : page > 1 ? await userCount(this.users.manager, q) : 0;
    return {
      items: rows.map((row) => ({
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        department: row.department_id ? { id: row.department_id, name: row.department_name ?? '' } : null,
        isHead: row.is_head,
        email: row.email,
        phone: row.phone,
        active: row.active,
        mustChangePassword: row.must_change_password,
      })),
      total,
      page,
      pageSize,
    };
  }

  toUserDto(user: UserEntity): UserDto {
    return { ...this.toMeDto(user), active: user.active };
  }

  toMeDto(user: UserEntity): MeDto {
    return {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      department: user.department ? { id: user.department.id, name: user.department.name } : null,
      isHead: user.isHead,
      email: user.email,
      phone: user.phone,
      mustChangePassword: user.mustChangePassword,
    };
  }
}
