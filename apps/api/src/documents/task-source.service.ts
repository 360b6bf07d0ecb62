import { createHash } from 'node:crypto';
import type { TaskSourceInputDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { titleKey } from '../imports/import-identity';
import { findSourceId, insertSource } from './documents.queries';

/**
 * Sources entered by the 督查室 (领导批示, 会议纪要, 人大建议…) are rows of policy_documents with their
 * `source_kind`, so every task keeps exactly one source and the list, stats and export need no second join.
 * Identity as for imported documents: the reference (文号 / 批示号) when given, else kind + normalised title,
 * so ten tasks from one 会议纪要 share one source row.
 */
@Injectable()
export class TaskSourceService {
  async findOrCreate(
    manager: EntityManager,
    source: TaskSourceInputDto,
    enteredVia: string,
  ): Promise<string> {
    const reference = source.reference?.trim() || null;
    const key = titleKey(source.title);
    const found = await findSourceId(manager, reference, key, source.kind);
    if (found) return found;
    // The checksum column identifies an imported file's bytes; for an entered source it fingerprints the
    // fields, so it stays a 64-hex value like every other row.
    const checksum = createHash('sha256')
      .update(`${source.kind}\n${source.title}\n${reference ?? ''}\n${source.date ?? ''}`)
      .digest('hex');
    return insertSource(manager, {
      reference,
      title: source.title.trim(),
      key,
      date: source.date ?? null,
      enteredVia,
      checksum,
      kind: source.kind,
    });
  }
}
