import {
  isCollectiveParty,
  type DepartmentDto,
  type DepartmentUsageDto,
  type UpdateDepartmentRequestDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { countDepartmentUsers, displayNameOf } from '../users/users.queries';
import { DepartmentEntity } from './department.entity';
import { departmentSlug } from './department-slug';
import {
  DepartmentCollectiveHasUsersError,
  DepartmentNameTakenError,
  DepartmentNotFoundError,
} from './departments.errors';
import { lockDirectory, nameOwner, updateDepartment } from './departments.queries';
import { DepartmentsService } from './departments.service';
import { mergeUsage } from './department-merge.queries';
import type { CreateDepartmentBody } from './dto/department-admin.dto';

/** The caller as audit entries name them (display name; the username for an account gone meanwhile). */
export async function actorOf(manager: EntityManager, user: AuthUser): Promise<{ id: string; name: string }> {
  return { id: user.id, name: (await displayNameOf(manager, user.id)) ?? user.username };
}

/** A short name written with the own-level prefix (市发展改革委): it names a unit only in its jurisdiction. */
const OWN_LEVEL = /^(?:省|市|县|区|州|旗)/u;

/**
 * 409 for a name another unit already answers to (as its name or an alias). A prefixed short name of a
 * unit with a jurisdiction (市发展改革委 of 杭州市) is checked only against units of the same place: every
 * city has its 市发展改革委.
 */
export async function assertNamesFree(
  manager: EntityManager,
  names: string[],
  self: string | null,
  jurisdiction: string | null,
): Promise<void> {
  const scoped = jurisdiction ? names.filter((n) => OWN_LEVEL.test(n) && !n.startsWith(jurisdiction)) : [];
  const global = names.filter((n) => !scoped.includes(n));
  for (const [list, place] of [
    [global, null],
    [scoped, jurisdiction],
  ] as const) {
    if (list.length === 0) continue;
    const owner = await nameOwner(manager, list, self, place);
    if (!owner) continue;
    const taken = list.find((n) => n === owner.name || owner.aliases.includes(n)) ?? list[0];
    throw new DepartmentNameTakenError(taken, owner);
  }
}

function uniqueAliases(aliases: readonly string[], name: string): string[] {
  return [...new Set(aliases.filter((a) => a.length > 0 && a !== name))];
}

/**
 * Administration of the department directory (admins): create, rename (the old name stays an alias, so
 * documents that still use it keep matching), edit aliases, kind and jurisdiction. Each change is one
 * transaction with an audit entry; merging lives in DepartmentMergeService.
 */
@Injectable()
export class DepartmentAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
  ) {}

  async create(body: CreateDepartmentBody, user: AuthUser): Promise<DepartmentDto> {
    const id = await this.dataSource.transaction(async (manager) => {
      await lockDirectory(manager);
      const aliases = uniqueAliases(body.aliases ?? [], body.name);
      await assertNamesFree(manager, [body.name, ...aliases], null, body.jurisdiction || null);
      const repo = manager.getRepository(DepartmentEntity);
      const row = await repo.save(
        repo.create({
          name: body.name,
          slug: departmentSlug(body.name),
          aliases,
          kind: body.kind,
          jurisdiction: body.jurisdiction || null,
          collective: isCollectiveParty(body.name, body.kind),
          createdFromImport: false,
          successorId: null,
          validUntil: null,
        }),
      );
      await this.audit.record(manager, {
        taskId: null,
        actor: await actorOf(manager, user),
        action: 'department.created',
        detail: {
          department: { id: row.id, name: row.name },
          kind: row.kind,
          aliases,
          jurisdiction: row.jurisdiction,
        },
      });
      return row.id;
    });
    return this.dto(id);
  }

  async update(id: string, body: UpdateDepartmentRequestDto, user: AuthUser): Promise<DepartmentDto> {
    await this.dataSource.transaction(async (manager) => {
      await lockDirectory(manager);
      const repo = manager.getRepository(DepartmentEntity);
      const row = await repo.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!row) throw new DepartmentNotFoundError(id);
      const name = body.name ?? row.name;
      const renamed = name !== row.name;
      // A rename keeps the old name as an alias: documents written before it still name this unit.
      const aliases = uniqueAliases([...(body.aliases ?? row.aliases), ...(renamed ? [row.name] : [])], name);
      const kind = body.kind ?? row.kind;
      const jurisdiction = body.jurisdiction === undefined ? row.jurisdiction : body.jurisdiction || null;
      const before = { name: row.name, aliases: row.aliases, kind: row.kind, jurisdiction: row.jurisdiction };
      // Only names this unit does not answer to yet are checked: older overlaps are not the admin's edit.
      const added = [name, ...aliases].filter((n) => n !== row.name && !row.aliases.includes(n));
      await assertNamesFree(manager, added, id, jurisdiction);
      const collective = isCollectiveParty(name, kind);
      if (collective && !row.collective) {
        const n = await countDepartmentUsers(manager, id);
        if (n > 0) throw new DepartmentCollectiveHasUsersError(name, n);
      }
      await updateDepartment(manager, id, { name, aliases, kind, jurisdiction, collective });
      await this.audit.record(manager, {
        taskId: null,
        actor: await actorOf(manager, user),
        action: 'department.updated',
        detail: {
          department: { id, name },
          renamed,
          before,
          after: { name, aliases, kind, jurisdiction },
        },
      });
    });
    return this.dto(id);
  }

  /** What a merge of this unit would move: its tasks (all, and open ones) and its accounts. */
  async usage(id: string): Promise<DepartmentUsageDto> {
    const row = await mergeUsage(this.dataSource, id);
    if (!row?.found) throw new DepartmentNotFoundError(id);
    return { id, tasks: row.tasks, openTasks: row.open, users: row.users };
  }

  private async dto(id: string): Promise<DepartmentDto> {
    const dto = await this.departments.one(id);
    if (!dto) throw new DepartmentNotFoundError(id);
    return dto;
  }
}
