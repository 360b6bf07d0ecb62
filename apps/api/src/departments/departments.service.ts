import {
  DEPARTMENTS,
  indexDirectory,
  isCollectiveParty,
  resolveDepartment,
  resolveInJurisdiction,
  type DepartmentDto,
  type DepartmentKind,
  type DirectoryEntry,
  type DirectoryIndex,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { DepartmentEntity } from './department.entity';
import { departmentSlug } from './department-slug';
import {
  appendAlias,
  collectiveFlags,
  linkSuccessorsByName,
  toggleCollective,
  upsertRegistryUnits,
  type RegistryUnitRow,
} from './departments.queries';

/** Resolves names as written in documents to department rows (registry canonical names + DB aliases). */
export class DepartmentDirectory {
  private readonly byName = new Map<string, DepartmentEntity>();
  private readonly byId = new Map<string, DepartmentEntity>();
  /** The deployment's own units (those with a jurisdiction), for jurisdiction-aware lookups. */
  private local: DirectoryIndex | null = null;
  private localDirty = true;

  constructor(rows: DepartmentEntity[]) {
    for (const row of rows) this.add(row);
  }

  add(row: DepartmentEntity): void {
    this.byId.set(row.id, row);
    this.byName.set(row.name, row);
    for (const alias of row.aliases) {
      // 市发展改革委 names a unit only inside its own jurisdiction (resolve()), never in every document.
      if (row.jurisdiction && OWN_LEVEL.test(alias) && !alias.startsWith(row.jurisdiction)) continue;
      if (!this.byName.has(alias)) this.byName.set(alias, row);
    }
    if (row.jurisdiction) this.localDirty = true;
  }

  /** The department for a name as written (or canonical), following reorganisations to the successor. */
  find(name: string): DepartmentEntity | null {
    let row = this.byName.get(name) ?? null;
    if (!row) {
      const resolution = resolveDepartment(name);
      if (resolution.canonical) row = this.byName.get(resolution.canonical) ?? null;
    }
    return this.follow(row);
  }

  /**
   * The department for a name in a document of `jurisdiction` (its issuer's place, e.g. 杭州市): the
   * deployment's own units first (市发展改革委 in a 杭州市 document → 杭州市发展和改革委员会), then as find().
   * A local-prefixed name no unit of that place answers to stays unknown (kept and flagged by the import).
   */
  resolve(name: string, jurisdiction: string | null | undefined): DepartmentEntity | null {
    const index = this.localIndex();
    if (index) {
      const hit = resolveInJurisdiction(name, jurisdiction ?? null, index);
      if (hit.source === 'directory' && hit.canonical) {
        const row = this.find(hit.canonical);
        if (row) return row;
      }
    }
    return this.find(name);
  }

  private follow(start: DepartmentEntity | null): DepartmentEntity | null {
    let row = start;
    const seen = new Set<string>();
    while (row?.successorId && !seen.has(row.id)) {
      seen.add(row.id);
      const next = this.byId.get(row.successorId);
      if (!next) break;
      row = next;
    }
    return row;
  }

  private localIndex(): DirectoryIndex | null {
    if (!this.localDirty) return this.local;
    this.localDirty = false;
    const rows = [...this.byId.values()].filter((r) => r.jurisdiction);
    const entries: DirectoryEntry[] = rows.map((r) => ({
      name: r.name,
      shortNames: r.aliases,
      jurisdiction: r.jurisdiction ?? '',
      kind: r.kind,
      successor: r.successorId ? (this.byId.get(r.successorId)?.name ?? null) : null,
    }));
    try {
      this.local = entries.length ? indexDirectory(entries) : null;
    } catch {
      // Two units claiming one short name in a place (possible only in data from before the admin checks):
      // no jurisdiction lookups rather than a guess.
      this.local = null;
    }
    return this.local;
  }
}

/** A unit's own-level prefix as local documents write it (市…, 省…, 县…, 区…). */
const OWN_LEVEL = /^(?:省|市|县|区|州|旗)/u;

@Injectable()
export class DepartmentsService {
  constructor(
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
  ) {}

  /**
   * Upserts the domain registry's units (idempotent): names, aliases, kind, end date, then successor
   * links. Units created at import keep their rows. Returns the number of rows inserted.
   */
  async syncRegistry(manager: EntityManager = this.departments.manager): Promise<number> {
    const before = await manager.getRepository(DepartmentEntity).count();
    const units: RegistryUnitRow[] = DEPARTMENTS.map((record) => ({
      name: record.name,
      slug: departmentSlug(record.name),
      aliases: [...new Set(record.aliases.filter((a) => a !== record.name))],
      kind: record.kind,
      valid_until: record.validUntil ?? null,
    }));
    await upsertRegistryUnits(manager, units);
    const links = DEPARTMENTS.flatMap((r) => (r.successors?.[0] ? [[r.name, r.successors[0]]] : []));
    if (links.length) {
      await linkSuccessorsByName(
        manager,
        links.map((l) => l[0]),
        links.map((l) => l[1]),
      );
    }
    await this.refreshCollective(manager);
    return (await manager.getRepository(DepartmentEntity).count()) - before;
  }

  /**
   * Applies the domain rule (isCollectiveParty) to every row whose flag disagrees with it: registry
   * units, units created at import and rows from before the column existed. A few hundred rows.
   */
  async refreshCollective(manager: EntityManager = this.departments.manager): Promise<void> {
    const rows = await collectiveFlags(manager);
    const wrong = rows.filter((r) => isCollectiveParty(r.name, r.kind) !== r.collective);
    if (wrong.length === 0) return;
    await toggleCollective(
      manager,
      wrong.map((r) => r.id),
    );
  }

  /** Records `alias` as another name of a department (a mapping chosen at import). */
  async addAlias(
    departmentId: string,
    alias: string,
    manager: EntityManager = this.departments.manager,
  ): Promise<void> {
    await appendAlias(manager, departmentId, alias);
  }

  async directory(manager: EntityManager = this.departments.manager): Promise<DepartmentDirectory> {
    return new DepartmentDirectory(await manager.getRepository(DepartmentEntity).find());
  }

  /** Creates a unit for a name the registry does not know (chosen at import), or returns the existing row. */
  async createFromImport(
    name: string,
    manager: EntityManager = this.departments.manager,
    kind: DepartmentKind = guessKind(name),
  ): Promise<DepartmentEntity> {
    const repo = manager.getRepository(DepartmentEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .values({
        name,
        slug: departmentSlug(name),
        kind,
        aliases: [],
        createdFromImport: true,
        collective: isCollectiveParty(name, kind),
      })
      .orIgnore()
      .execute();
    return repo.findOneByOrFail({ name });
  }

  findByIds(ids: string[]): Promise<DepartmentEntity[]> {
    return ids.length ? this.departments.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  async list(): Promise<DepartmentDto[]> {
    const rows = await this.departments.find({ order: { name: 'ASC' } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    const predecessors = new Map<string, DepartmentEntity[]>();
    for (const row of rows) {
      if (!row.successorId) continue;
      predecessors.set(row.successorId, [...(predecessors.get(row.successorId) ?? []), row]);
    }
    return rows.map((row) => toDepartmentDto(row, byId, predecessors.get(row.id) ?? []));
  }

  /** One unit as the list shows it. */
  async one(id: string, manager: EntityManager = this.departments.manager): Promise<DepartmentDto | null> {
    const repo = manager.getRepository(DepartmentEntity);
    const row = await repo.findOneBy({ id });
    if (!row) return null;
    const successor = row.successorId ? await repo.findOneBy({ id: row.successorId }) : null;
    const predecessors = await repo.find({ where: { successorId: id }, order: { name: 'ASC' } });
    return toDepartmentDto(row, new Map(successor ? [[successor.id, successor]] : []), predecessors);
  }
}

function toDepartmentDto(
  row: DepartmentEntity,
  byId: ReadonlyMap<string, DepartmentEntity>,
  predecessors: readonly DepartmentEntity[],
): DepartmentDto {
  const successor = row.successorId ? byId.get(row.successorId) : undefined;
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    aliases: row.aliases,
    successor: successor ? { id: successor.id, name: successor.name } : null,
    predecessors: predecessors.map((p) => ({ id: p.id, name: p.name })),
    createdFromImport: row.createdFromImport,
    jurisdiction: row.jurisdiction,
    collective: row.collective,
  };
}

/** A unit named like a province or city is local; a 领导小组/联席会议 is collective; else a ministry. */
export function guessKind(name: string): DepartmentKind {
  if (/(领导小组|联席会议|委员会办公室|工作组|小组)$/.test(name)) return 'collective';
  if (/^(各|省|市|县|地方)|(省|自治区|市|县|人民政府)$/.test(name)) return 'local';
  return 'ministry';
}
