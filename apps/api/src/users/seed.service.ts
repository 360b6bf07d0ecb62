import { randomBytes } from 'node:crypto';
import type { UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash } from 'bcryptjs';
import type { DataSource } from 'typeorm';
import { DepartmentsService } from '../departments/departments.service';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { UserEntity } from './user.entity';
import { BCRYPT_ROUNDS } from './users.service';

export interface SeedResult {
  /** Accounts created by this run (existing ones are never touched). */
  created: { username: string; displayName: string; role: UserRole }[];
  existing: number;
  /** The password of the accounts created now, when it was generated (print it once); null otherwise. */
  generatedPassword: string | null;
}

export const SUPERVISOR_USERNAME = 'duchashi';
export const ADMIN_USERNAME = 'admin';

/** Officer account name of a department: `dept-<slug>`. */
export function officerUsername(slug: string): string {
  return `dept-${slug}`;
}

function generatePassword(): string {
  // 12 characters from an unambiguous alphabet, ≈ 70 bits.
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  return [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
}

/**
 * Seed accounts: the supervisor 督查室, an admin and one officer per department named by at least
 * one task. Idempotent: existing accounts (and their passwords) are left alone.
 */
@Injectable()
export class SeedService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async seed(): Promise<SeedResult> {
    await this.departments.syncRegistry();
    const wanted: { username: string; displayName: string; role: UserRole; departmentId: string | null }[] = [
      { username: SUPERVISOR_USERNAME, displayName: '督查室', role: 'supervisor', departmentId: null },
      { username: ADMIN_USERNAME, displayName: '系统管理员', role: 'admin', departmentId: null },
    ];
    const departments = await this.dataSource.query<{ id: string; name: string; slug: string }[]>(
      `SELECT d.id, d.name, d.slug FROM departments d
        WHERE EXISTS (SELECT 1 FROM task_assignments a WHERE a.department_id = d.id)
        ORDER BY d.name`,
    );
    for (const d of departments) {
      wanted.push({
        username: officerUsername(d.slug),
        displayName: d.name,
        role: 'officer',
        departmentId: d.id,
      });
    }
    const present = new Set(
      (
        await this.dataSource.query<{ username: string }[]>(
          `SELECT username FROM users WHERE username = ANY($1)`,
          [wanted.map((w) => w.username)],
        )
      ).map((r) => r.username),
    );
    const missing = wanted.filter((w) => !present.has(w.username));
    if (missing.length === 0) return { created: [], existing: present.size, generatedPassword: null };
    const generatedPassword = this.config.seed.password ? null : generatePassword();
    const password = this.config.seed.password ?? generatedPassword ?? '';
    // One hash for the whole batch: bcrypt is deliberately slow and every new account shares the password.
    const passwordHash = await hash(password, BCRYPT_ROUNDS);
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(missing.map((m) => ({ ...m, passwordHash, active: true, email: null })))
      .orIgnore()
      .execute();
    return {
      created: missing.map(({ username, displayName, role }) => ({ username, displayName, role })),
      existing: present.size,
      generatedPassword,
    };
  }
}
