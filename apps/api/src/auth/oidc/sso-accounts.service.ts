import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { AuditService } from '../../audit/audit.service';
import { DepartmentsService } from '../../departments/departments.service';
import type { AppConfig } from '../../infra/config/app-config';
import { InjectConfig } from '../../infra/config/config.module';
import type { UserEntity } from '../../users/user.entity';
import { UsersService } from '../../users/users.service';
import type { SsoIdentity } from './sso-identity';
import { SsoError } from './sso.errors';

/**
 * Finds the Duban account of a single sign-on identity: the one already linked to it, else the
 * account with the same username (linked now), else — when OIDC_AUTO_CREATE is on — a new account
 * in the department the provider names. Deactivated accounts stay locked out.
 */
@Injectable()
export class SsoAccounts {
  constructor(
    private readonly users: UsersService,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async accountFor(identity: SsoIdentity): Promise<UserEntity> {
    const linked = await this.users.findByOidcSubject(identity.subject);
    if (linked) return this.usable(linked);
    if (identity.username) {
      const named = await this.users.findByUsername(identity.username);
      if (named) {
        if (named.oidcSubject && named.oidcSubject !== identity.subject) {
          throw new SsoError('SSO_ACCOUNT_LINKED_ELSEWHERE', 403);
        }
        this.usable(named);
        await this.users.linkOidcSubject(named.id, identity.subject);
        await this.audit.recordNow({
          taskId: null,
          actor: { id: named.id, name: named.username },
          action: 'user.sso_linked',
          detail: { subject: identity.subject },
        });
        return this.usable((await this.users.findById(named.id)) ?? named);
      }
    }
    if (!this.config.sso.autoCreate || !identity.username) throw new SsoError('SSO_ACCOUNT_UNKNOWN', 403);
    return this.create(identity, identity.username);
  }

  private async create(identity: SsoIdentity, username: string): Promise<UserEntity> {
    const role = identity.role ?? 'officer';
    let departmentId: string | null = null;
    if (role === 'officer') {
      const department = identity.department
        ? (await this.departments.directory()).find(identity.department)
        : null;
      // Collective parties (各有关部门) are not departments anyone can belong to.
      if (!department || department.kind === 'collective') {
        throw new SsoError('SSO_DEPARTMENT_UNKNOWN', 403, { department: identity.department });
      }
      departmentId = department.id;
    }
    const user = await this.users.create({
      username,
      displayName: identity.displayName ?? username,
      // Nobody knows this password: the account signs in through the provider.
      password: randomBytes(32).toString('base64url'),
      role,
      departmentId,
      email: identity.email,
      oidcSubject: identity.subject,
    });
    await this.audit.recordNow({
      taskId: null,
      actor: { id: user.id, name: user.username },
      action: 'user.sso_created',
      detail: { subject: identity.subject, role, departmentId },
    });
    return (await this.users.findById(user.id)) ?? user;
  }

  private usable(user: UserEntity): UserEntity {
    if (!user.active) throw new SsoError('SSO_ACCOUNT_INACTIVE', 403);
    return user;
  }
}
