import { createHash } from 'node:crypto';
import type { TaskSourceInputDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { titleKey } from '../imports/import-identity';

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
    const found = await manager.query<{ id: string }[]>(
      reference
        ? `SELECT id FROM policy_documents WHERE doc_number = $1 LIMIT 1`
        : `SELECT id FROM policy_documents WHERE doc_number IS NULL AND title_key = $1 AND source_kind = $2
            ORDER BY created_at, id LIMIT 1`,
      reference ? [reference] : [key, source.kind],
    );
    if (found[0]) return found[0].id;
    // The checksum column identifies an imported file's bytes; for an entered source it fingerprints the
    // fields, so it stays a 64-hex value like every other row.
    const checksum = createHash('sha256')
      .update(`${source.kind}\n${source.title}\n${reference ?? ''}\n${source.date ?? ''}`)
      .digest('hex');
    const [row] = await manager.query<{ id: string }[]>(
      `INSERT INTO policy_documents (doc_number, title, title_key, issuer, date, source_file, source_checksum,
                                     start_line, end_line, source_kind)
       VALUES ($1, $2, $3, NULL, $4, $5, $6, 0, 0, $7)
       ON CONFLICT (doc_number) WHERE doc_number IS NOT NULL DO UPDATE SET doc_number = EXCLUDED.doc_number
       RETURNING id`,
      [reference, source.title.trim(), key, source.date ?? null, enteredVia, checksum, source.kind],
    );
    return row.id;
  }
}
