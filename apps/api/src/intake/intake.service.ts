import { createHash } from 'node:crypto';
import {
  shanghaiDate,
  SOURCE_KIND_LABELS,
  TASK_SOURCE_KINDS,
  type DepartmentRefDto,
  type IntakePreviewDto,
  type IntakePreviewRowDto,
  type IntakeResultDto,
  type TaskSourceKind,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LessThan, type DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { DepartmentsService, type DepartmentDirectory } from '../departments/departments.service';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { TaskCreationService } from '../tasks/task-creation.service';
import { deadlineProblem } from '../tasks/task-desk.service';
import { UsersService } from '../users/users.service';
import { suggestDepartment } from './department-suggestion';
import { IntakePreviewEntity } from './intake-preview.entity';
import {
  intakeAlreadyCommitted,
  intakeNothingValid,
  intakePreviewExpired,
  intakePreviewNotFound,
} from './intake.errors';
import { claimIntakePreview } from './intake.queries';
import { readLedger, type LedgerRow } from './ledger-sheet';

const KIND_BY_LABEL = new Map<string, TaskSourceKind>(
  TASK_SOURCE_KINDS.map((k) => [SOURCE_KIND_LABELS[k], k]),
);
const NAME_SEPARATORS = /[、，,；;/\s]+/u;

type Units = { id: string; name: string; aliases: string[] }[];
type RowError = IntakePreviewRowDto['errors'][number];

/**
 * Bulk 立项 from an Excel 台账: upload → every row validated (zh-CN reasons per cell, a registry suggestion
 * for an unknown unit) → preview stored with an expiry → commit creates the valid rows in one transaction
 * through the same path as 立项 by hand, and schedules their reminders at once.
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly departments: DepartmentsService,
    private readonly creation: TaskCreationService,
    private readonly users: UsersService,
    private readonly clock: Clock,
    @InjectConfig() private readonly config: AppConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async preview(fileName: string, bytes: Uint8Array, user: AuthUser): Promise<IntakePreviewDto> {
    const today = shanghaiDate(this.clock.now());
    const ledger = await readLedger(bytes, fileName, Number(today.slice(0, 4)));
    await this.departments.syncRegistry();
    const directory = await this.departments.directory();
    const units = (await this.departments.list()).filter((d) => d.kind !== 'collective');
    const rows = ledger.map((row) => validateRow(row, directory, units, today));
    const repo = this.dataSource.getRepository(IntakePreviewEntity);
    await repo.delete({ expiresAt: LessThan(new Date()) });
    const saved = await repo.save(
      repo.create({
        fileName,
        checksum: createHash('sha256').update(bytes).digest('hex'),
        rows,
        createdById: user.id,
        expiresAt: new Date(Date.now() + this.config.import.previewTtlMinutes * 60_000),
        committedAt: null,
      }),
    );
    return toDto(saved);
  }

  async get(id: string): Promise<IntakePreviewDto> {
    return toDto(await this.find(id));
  }

  async commit(id: string, user: AuthUser): Promise<IntakeResultDto> {
    const preview = await this.find(id);
    if (preview.committedAt) throw intakeAlreadyCommitted(id);
    if (preview.expiresAt.getTime() < Date.now()) {
      throw intakePreviewExpired(id);
    }
    const valid = preview.rows.filter((r) => r.errors.length === 0);
    if (valid.length === 0) {
      throw intakeNothingValid(id);
    }
    const actor = await this.users.findById(user.id);
    const taskIds = await this.dataSource.transaction(async (manager) => {
      // Claiming the preview inside the transaction: a failed commit leaves it committable again.
      if (!(await claimIntakePreview(manager, id))) throw intakeAlreadyCommitted(id);
      return this.creation.create(
        manager,
        valid.map((r) => ({
          source: {
            kind: r.sourceKind ?? 'other',
            title: r.sourceTitle,
            reference: r.reference,
            date: r.sourceDate ?? null,
          },
          text: r.text,
          leadDepartmentIds: r.lead.map((d) => d.id),
          participantDepartmentIds: r.participants.map((d) => d.id),
          deadline: r.deadline,
          recurrence: r.recurrence,
          sourceLine: r.row,
        })),
        {
          actor: { id: user.id, name: actor?.displayName ?? user.username },
          origin: 'ledger',
          enteredVia: preview.fileName,
        },
      );
    });
    // Reminders start at once: each created task recorded a task event, drained by the worker on commit.
    return { tasksCreated: taskIds.length, rowsSkipped: preview.rows.length - valid.length, taskIds };
  }

  private async find(id: string): Promise<IntakePreviewEntity> {
    const preview = await this.dataSource.getRepository(IntakePreviewEntity).findOneBy({ id });
    if (!preview) throw intakePreviewNotFound(id);
    return preview;
  }
}

function toDto(entity: IntakePreviewEntity): IntakePreviewDto {
  const invalid = entity.rows.filter((r) => r.errors.length > 0).length;
  return {
    id: entity.id,
    fileName: entity.fileName,
    rows: entity.rows,
    validRows: entity.rows.length - invalid,
    invalidRows: invalid,
    expiresAt: entity.expiresAt.toISOString(),
  };
}

function resolveUnits(
  cell: string,
  column: string,
  directory: DepartmentDirectory,
  units: Units,
  errors: RowError[],
): DepartmentRefDto[] {
  const out = new Map<string, DepartmentRefDto>();
  for (const name of cell.split(NAME_SEPARATORS).filter(Boolean)) {
    const unit = directory.find(name);
    if (unit) {
      out.set(unit.id, { id: unit.id, name: unit.name });
      continue;
    }
    const suggestion = suggestDepartment(name, units);
    errors.push({
      column,
      message: suggestion
        ? `单位“${name}”不在单位名录中，是否为“${suggestion.name}”？`
        : `单位“${name}”不在单位名录中，请填写单位全称或常用简称。`,
      ...(suggestion ? { suggestion } : {}),
    });
  }
  return [...out.values()];
}

/** One 台账 row checked cell by cell; every problem is reported, not just the first. */
export function validateRow(
  row: LedgerRow,
  directory: DepartmentDirectory,
  units: Units,
  today: string,
): IntakePreviewRowDto {
  const c = row.cells;
  const errors: RowError[] = [];
  const text = c['任务内容'] ?? '';
  if (text === '') errors.push({ column: '任务内容', message: '任务内容不能为空。' });
  if (text.length > 10_000) errors.push({ column: '任务内容', message: '任务内容超过 10000 字。' });
  const kindLabel = c['来源类型'] ?? '';
  const sourceKind = KIND_BY_LABEL.get(kindLabel) ?? null;
  if (!sourceKind) {
    errors.push({
      column: '来源类型',
      message: kindLabel
        ? `来源类型“${kindLabel}”无法识别，请填写：${[...KIND_BY_LABEL.keys()].join('、')}。`
        : '请填写来源类型。',
    });
  }
  const sourceTitle = c['来源名称'] ?? '';
  if (sourceTitle === '')
    errors.push({ column: '来源名称', message: '请填写来源名称（如会议纪要、批示件的标题）。' });
  const lead = resolveUnits(c['牵头单位'] ?? '', '牵头单位', directory, units, errors);
  if ((c['牵头单位'] ?? '') === '') errors.push({ column: '牵头单位', message: '请填写牵头单位。' });
  const participants = resolveUnits(c['配合单位'] ?? '', '配合单位', directory, units, errors).filter(
    (p) => !lead.some((l) => l.id === p.id),
  );
  let sourceDate: string | null = null;
  if ('problem' in row.sourceDate) errors.push({ column: '来源日期', message: row.sourceDate.problem });
  else if (row.sourceDate.date !== null && row.sourceDate.date > today) {
    errors.push({ column: '来源日期', message: `来源日期 ${row.sourceDate.date} 晚于今天，请检查。` });
  } else sourceDate = row.sourceDate.date;
  let deadline: string | null = null;
  let recurrence: IntakePreviewRowDto['recurrence'] = null;
  if ('problem' in row.deadline) {
    errors.push({ column: '完成时限', message: row.deadline.problem });
  } else {
    deadline = row.deadline.date;
    recurrence = row.deadline.recurrence;
    const problem = deadlineProblem(deadline, today);
    if (problem) errors.push({ column: '完成时限', message: problem });
  }
  return {
    row: row.row,
    serial: c['序号'] || null,
    text,
    sourceKind,
    sourceTitle,
    reference: c['文号/批示'] || null,
    sourceDate,
    lead,
    participants,
    deadline,
    recurrence,
    note: c['备注'] || null,
    errors,
  };
}
