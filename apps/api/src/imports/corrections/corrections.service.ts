import type { ImportCorrectionDto, ImportCorrectionRequestDto, MilestoneDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../../auth/auth.decorators';
import type { DomainError } from '../../infra/http/domain-error';
import type { StoredCorrection } from './apply-corrections';
import { correctionErrors } from './corrections.errors';
import { ImportCorrectionEntity, type CorrectionPayload } from './import-correction.entity';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date in YYYY-MM-DD (2099-02-30 is not). */
export function isRealDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function names(list: string[] | undefined): string[] | undefined {
  if (list === undefined) return undefined;
  const trimmed = list.map((n) => n.trim());
  if (trimmed.some((n) => !n)) throw correctionErrors.nameEmpty();
  return [...new Set(trimmed)];
}

/**
 * The steps as given, trimmed and by date; each a real date with a phrase, none after the deadline when the
 * same request sets one (an edit that keeps the extracted deadline is checked when it is applied).
 */
function milestones(
  list: MilestoneDto[] | undefined,
  deadline: string | null | undefined,
): MilestoneDto[] | undefined {
  if (list === undefined) return undefined;
  const steps = list.map((m) => ({ date: m.date.trim(), text: m.text.trim() }));
  for (const step of steps) {
    if (!isRealDate(step.date)) throw correctionErrors.milestoneDateInvalid(step.date);
    if (!step.text) throw correctionErrors.milestoneTextEmpty();
    if (deadline && step.date > deadline) throw correctionErrors.milestoneAfterDeadline(step.date, deadline);
  }
  return steps.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Checks a correction request field by field (zh-CN refusals, never a 500) and keeps only the fields its kind
 * uses. Whether its measure or lines exist is checked by applying it (ImportsService.correct).
 */
export function correctionPayload(body: ImportCorrectionRequestDto): CorrectionPayload {
  const need = <T>(value: T | undefined, field: string): T => {
    if (value === undefined || value === null) throw correctionErrors.fieldMissing(field, body.kind);
    return value;
  };
  const deadline = (): string | null | undefined => {
    if (body.deadline === undefined || body.deadline === null || body.deadline === '') {
      return body.deadline === '' ? null : body.deadline;
    }
    if (!isRealDate(body.deadline)) throw correctionErrors.dateInvalid(body.deadline);
    return body.deadline;
  };
  switch (body.kind) {
    case 'drop':
      return { ref: need(body.ref, 'ref') };
    case 'edit': {
      const payload: CorrectionPayload = { ref: need(body.ref, 'ref') };
      if (body.title !== undefined) {
        if (!body.title.trim()) throw correctionErrors.titleEmpty();
        payload.title = body.title.trim();
      }
      const lead = names(body.lead);
      if (lead !== undefined) {
        if (lead.length === 0) throw correctionErrors.leadEmpty();
        payload.lead = lead;
      }
      const participants = names(body.participants);
      if (participants !== undefined) payload.participants = participants;
      const date = deadline();
      if (date !== undefined) payload.deadline = date;
      const steps = milestones(body.milestones, date);
      if (steps !== undefined) payload.milestones = steps;
      if (Object.keys(payload).length === 1) throw correctionErrors.nothingToChange();
      return payload;
    }
    case 'add': {
      const lead = names(need(body.lead, 'lead')) ?? [];
      if (lead.length === 0) throw correctionErrors.leadEmpty();
      if (body.title !== undefined && !body.title.trim()) throw correctionErrors.titleEmpty();
      const fromLine = need(body.fromLine, 'fromLine');
      const toLine = need(body.toLine, 'toLine');
      const date = deadline() ?? null;
      return {
        fromLine,
        toLine,
        lead,
        participants: names(body.participants) ?? [],
        deadline: date,
        milestones: milestones(body.milestones, date) ?? [],
        ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      };
    }
    case 'merge':
      return { ref: need(body.ref, 'ref'), withRef: need(body.withRef, 'withRef') };
    case 'split':
      return { ref: need(body.ref, 'ref'), atLine: need(body.atLine, 'atLine') };
  }
}

/** The import_corrections table: a file's corrections, by its checksum, in the order they were made. */
@Injectable()
export class CorrectionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get repo() {
    return this.dataSource.getRepository(ImportCorrectionEntity);
  }

  list(checksum: string): Promise<ImportCorrectionEntity[]> {
    return this.repo.find({
      where: { checksum },
      order: { createdAt: 'ASC', id: 'ASC' },
      relations: { createdBy: true },
    });
  }

  add(checksum: string, kind: StoredCorrection['kind'], payload: CorrectionPayload, user: AuthUser) {
    return this.repo.save(this.repo.create({ checksum, kind, payload, createdById: user.id }));
  }

  async remove(checksum: string, id: string): Promise<void> {
    const result = await this.repo.delete({ checksum, id });
    if (!result.affected) throw correctionErrors.correctionNotFound(id);
  }

  /** The corrections as the preview lists them, with why one no longer applies. */
  static toDto(row: ImportCorrectionEntity, problem: DomainError | null | undefined): ImportCorrectionDto {
    return {
      id: row.id,
      kind: row.kind,
      ...row.payload,
      createdAt: row.createdAt.toISOString(),
      createdBy: row.createdBy?.displayName ?? null,
      applied: !problem,
      problem: problem ? problem.message : null,
    };
  }
}
