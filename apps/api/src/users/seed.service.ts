import { appendFileSync, chmodSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UserRole } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { DepartmentsService } from '../departments/departments.service';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { oneTimePassword } from './one-time-password';
import { departmentUsernameStem, uniqueUsername } from './seed-usernames';
import { departmentsNamedByTasks } from './seed.queries';
import { UserEntity } from './user.entity';
import { allUsernames } from './users.queries';
import { hashPassword } from './password-hasher';

export interface SeededAccount {
  username: string;
  displayName: string;
  role: UserRole;
  /** This account's own one-time password (to be changed at first login). */
  password: string;
}

export interface SeedResult {
  /** Accounts created by this run (existing ones are never touched). */
  created: SeededAccount[];
  existing: number;
  /** Where the one-time passwords of `created` were written (mode 0600), or null when none was created. */
  credentialsFile: string | null;
}

export const SUPERVISOR_USERNAME = 'duchashi';
export const ADMIN_USERNAME = 'admin';

/**
 * Parties that are groups, not one office (各地区, 有关地方人民政府, 试点城市人民政府 …): nobody can log
 * in as them, so they get no account even where the registry files them as local governments.
 */
const GROUP_PARTY = /^(各|有关|相关|地方各级|其他|试点|综合医改试点)/u;

interface Wanted {
  username: string;
  displayName: string;
  role: UserRole;
  departmentId: string | null;
}

/**
 * Seed accounts: the supervisor 督查室, an admin and one officer per department named by at least
 * one task (collective parties such as 各有关部门 get none). Each account gets its own random
 * one-time password, marked to be changed at first login, written once to a file only the owner
 * can read. Idempotent: existing accounts (and their passwords) are left alone; a department that
 * already has an officer gets no second one.
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
    const taken = new Set(await allUsernames(this.dataSource));
    const builtIn: Wanted[] = [
      { username: SUPERVISOR_USERNAME, displayName: '督查室', role: 'supervisor', departmentId: null },
      { username: ADMIN_USERNAME, displayName: '系统管理员', role: 'admin', departmentId: null },
    ];
    const wanted = builtIn.filter((w) => !taken.has(w.username));
    const existing = 2 - wanted.length;
    const departments = await departmentsNamedByTasks(this.dataSource);
    for (const w of wanted) taken.add(w.username);
    for (const d of departments.filter((row) => !row.staffed && !GROUP_PARTY.test(row.name))) {
      wanted.push({
        username: uniqueUsername(departmentUsernameStem(d.name), taken),
        displayName: `${d.name}经办人`,
        role: 'officer',
        departmentId: d.id,
      });
    }
    const staffed = departments.filter((row) => row.staffed).length;
    if (wanted.length === 0) return { created: [], existing: existing + staffed, credentialsFile: null };
    // One bcrypt hash per account: passwords are never shared (hashing runs on the thread pool).
    const created = wanted.map((w) => ({ ...w, password: oneTimePassword() }));
    const hashes = await Promise.all(created.map((c) => hashPassword(c.password)));
    await this.dataSource
      .createQueryBuilder()
      .insert()
      .into(UserEntity)
      .values(
        created.map(({ password: _password, ...account }, i) => ({
          ...account,
          passwordHash: hashes[i],
          active: true,
          email: null,
          mustChangePassword: true,
        })),
      )
      .orIgnore()
      .execute();
    const credentialsFile = this.writeCredentials(created);
    return {
      created: created.map(({ username, displayName, role, password }) => ({
        username,
        displayName,
        role,
        password,
      })),
      existing: existing + staffed,
      credentialsFile,
    };
  }

  /** Appends the accounts and their one-time passwords to the credentials file, readable by its owner only. */
  private writeCredentials(accounts: SeededAccount[]): string {
    const file = this.config.seed.credentialsFile;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const lines = [
      `# Duban 初始账号（${new Date().toISOString()}）：每个账号的一次性密码，首次登录后须修改。`,
      '# 分发后请删除本文件。',
      ...accounts.map((a) => `${a.username}\t${a.password}\t${a.role}\t${a.displayName}`),
      '',
    ];
    appendFileSync(file, `${lines.join('\n')}\n`, { mode: 0o600 });
    // appendFileSync's mode applies only when it creates the file: tighten an older one too.
    chmodSync(file, 0o600);
    return file;
  }
}
