import {
  isCollectiveParty,
  type DepartmentKind,
  type DirectoryImportResultDto,
  type DirectoryImportRowDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { actorOf } from './department-admin.service';
import { linkSuccessorByNameOrAlias, lockDirectory, updateImportedUnit } from './departments.queries';
import { DepartmentEntity } from './department.entity';
import { departmentSlug } from './department-slug';
import { readDirectorySheet } from './directory-sheet';
import { cleanDepartmentName } from './dto/department-admin.dto';

const KIND_WORDS: Record<string, DepartmentKind> = {
  部委: 'ministry',
  部门: 'ministry',
  ministry: 'ministry',
  地方: 'local',
  local: 'local',
  统称: 'collective',
  collective: 'collective',
};
const OWN_LEVEL = /^(?:省|市|县|区|州|旗)/u;

/** The scope a name is unique in: a prefixed short name (市发展改革委) within its place, any other everywhere. */
function scopeOf(name: string, jurisdiction: string | null): string {
  return jurisdiction && OWN_LEVEL.test(name) && !name.startsWith(jurisdiction)
    ? `${jurisdiction}|${name}`
    : `|${name}`;
}

interface Planned extends DirectoryImportRowDto {
  existing: DepartmentEntity | null;
}

/**
 * A deployment's own directory from Excel/CSV (名称, 简称, 辖区, 类别, 继任单位): every row checked with zh-CN
 * reasons, a preview unless committed, and a commit that writes all rows or none. An existing unit of the
 * same name is updated (short names added, place, kind); 继任单位 links the unit to its successor (imports
 * then follow the link; moving a unit's tasks is the merge's job).
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async run(
    bytes: Buffer,
    fileName: string,
    commit: boolean,
    user: AuthUser,
  ): Promise<DirectoryImportResultDto> {
    const sheet = await readDirectorySheet(bytes, fileName);
    return this.dataSource.transaction(async (manager) => {
      await lockDirectory(manager);
      const rows = await this.plan(manager, sheet);
      const invalid = rows.filter((r) => r.errors.length > 0).length;
      const result: DirectoryImportResultDto = {
        file: fileName,
        rows: rows.map(({ existing: _existing, ...row }) => row),
        valid: rows.length - invalid,
        invalid,
        committed: false,
        created: rows.filter((r) => r.action === 'create').length,
        updated: rows.filter((r) => r.action === 'update').length,
      };
      if (!commit || invalid > 0 || rows.length === 0) return result;
      await this.write(manager, rows);
      await this.audit.record(manager, {
        taskId: null,
        actor: await actorOf(manager, user),
        action: 'department.directory_imported',
        detail: { file: fileName, created: result.created, updated: result.updated, rows: rows.length },
      });
      return { ...result, committed: true };
    });
  }

  private async plan(
    manager: EntityManager,
    sheet: Awaited<ReturnType<typeof readDirectorySheet>>,
  ): Promise<Planned[]> {
    const units = await manager.getRepository(DepartmentEntity).find();
    const byName = new Map(units.map((u) => [u.name, u]));
    // Who answers to each name today, in its scope.
    const owners = new Map<string, DepartmentEntity>();
    for (const u of units) {
      for (const n of [u.name, ...u.aliases]) owners.set(scopeOf(n, u.jurisdiction), u);
    }
    const inFile = new Map<string, number>();
    const claimed = new Map<string, number>();
    const planned: Planned[] = sheet.map(({ line, cells }) => {
      const errors: string[] = [];
      const name = cleanDepartmentName(cells['名称']);
      const jurisdiction = cells['辖区'].replace(/\s+/gu, '') || null;
      const shortNames = [
        ...new Set(
          cells['简称']
            .split(/[、,，;；]/u)
            .map(cleanDepartmentName)
            .filter(Boolean),
        ),
      ].filter((n) => n !== name);
      const kindText = cells['类别'].replace(/\s+/gu, '');
      const kind: DepartmentKind | null = kindText
        ? (KIND_WORDS[kindText] ?? null)
        : jurisdiction
          ? 'local'
          : null;
      const successor = cleanDepartmentName(cells['继任单位']) || null;
      if (!name) errors.push('名称不能为空');
      if (name.length > 60) errors.push('名称不能超过 60 个字');
      if (kindText && !kind) errors.push(`类别“${kindText}”无法识别，请填写 部委、地方 或 统称`);
      if (!kindText && !kind) errors.push('类别不能为空（无辖区的单位请填写 部委、地方 或 统称）');
      if (jurisdiction && jurisdiction.length > 30) errors.push('辖区不能超过 30 个字');
      const first = inFile.get(name);
      if (name && first !== undefined) errors.push(`与第 ${first} 行重名`);
      else if (name) inFile.set(name, line);
      const existing = byName.get(name) ?? null;
      for (const n of [name, ...shortNames].filter(Boolean)) {
        const scope = scopeOf(n, jurisdiction);
        const owner = owners.get(scope);
        if (owner && owner.name !== name) errors.push(`“${n}”已是“${owner.name}”的名称或简称`);
        const other = claimed.get(scope);
        if (other !== undefined && other !== line) errors.push(`“${n}”与第 ${other} 行重复`);
        else claimed.set(scope, line);
      }
      if (successor && successor === name) errors.push('继任单位不能是本单位');
      const aliases = existing ? [...new Set([...existing.aliases, ...shortNames])] : shortNames;
      const changed =
        !existing ||
        aliases.length !== existing.aliases.length ||
        (jurisdiction ?? existing.jurisdiction) !== existing.jurisdiction ||
        (kind ?? existing.kind) !== existing.kind ||
        (successor !== null && byName.get(successor)?.id !== existing.successorId);
      return {
        line,
        name,
        shortNames,
        jurisdiction,
        kind,
        successor,
        action: !existing ? 'create' : changed ? 'update' : 'unchanged',
        errors,
        existing,
      };
    });
    // 继任单位: a unit of the file or of the directory, and a real one (not 各有关部门…).
    const fileNames = new Map(planned.map((p) => [p.name, p]));
    for (const p of planned) {
      if (!p.successor || p.successor === p.name) continue;
      const target = fileNames.get(p.successor) ?? byName.get(p.successor) ?? owners.get(`|${p.successor}`);
      if (!target) p.errors.push(`继任单位“${p.successor}”不在名录中，请先在本文件或单位列表中添加`);
      else if (
        'collective' in target ? target.collective : isCollectiveParty(target.name, target.kind ?? 'local')
      )
        p.errors.push(`继任单位“${p.successor}”是统称，不能作为继任单位`);
    }
    return planned;
  }

  private async write(manager: EntityManager, rows: Planned[]): Promise<void> {
    const repo = manager.getRepository(DepartmentEntity);
    for (const row of rows) {
      if (row.action === 'unchanged') continue;
      const kind = row.kind ?? row.existing?.kind ?? 'local';
      if (row.existing) {
        await updateImportedUnit(manager, row.existing.id, {
          aliases: [...new Set([...row.existing.aliases, ...row.shortNames])],
          jurisdiction: row.jurisdiction ?? row.existing.jurisdiction,
          kind,
          collective: isCollectiveParty(row.name, kind),
        });
      } else {
        await repo.insert({
          name: row.name,
          slug: departmentSlug(row.name),
          aliases: row.shortNames,
          kind,
          jurisdiction: row.jurisdiction,
          collective: isCollectiveParty(row.name, kind),
          createdFromImport: false,
        });
      }
    }
    for (const row of rows.filter((r) => r.successor)) {
      if (row.successor) await linkSuccessorByNameOrAlias(manager, row.name, row.successor);
    }
  }
}
