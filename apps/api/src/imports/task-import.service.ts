import type { ExtractedFile } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { insertAuditEntries } from '../audit/audit.repository';
import { DepartmentEntity } from '../departments/department.entity';
import { DepartmentsService, type DepartmentDirectory } from '../departments/departments.service';
import { adoptDocumentSource, documentCandidates, insertDocumentRows } from '../documents/documents.queries';
import { recordTaskEvents } from '../events/task-event-outbox';
import { ValidationError } from '../infra/http/domain-error';
import { syncMainLeads } from '../tasks/main-lead.queries';
import {
  insertTaskRows,
  tasksOfDocuments,
  updateTaskText,
  upsertAssignmentRows,
} from '../tasks/task-bulk.queries';
import { candidateKeys, FileBatch, taskTextUpdate } from './import-batch';
import { lockImports } from './import-lock.queries';
import type { DepartmentMapping, FileImportResult, ImportFileOptions } from './task-import.types';

export type {
  DepartmentMapping,
  FileImportResult,
  ImportActor,
  ImportFileOptions,
} from './task-import.types';
// The preview's lookup of already-imported documents is the documents feature's; re-exported for the preview.
export { findDocuments } from '../documents/documents.queries';

/**
 * Writes extracted documents and measures into the database. Idempotent: documents are found by
 * 文号 (or normalised title), tasks by (document, measure key); a re-import creates nothing new,
 * a changed measure text updates the task (with an audit entry), and nothing is ever deleted —
 * progress, evidence, status and granted extensions are never touched.
 *
 * This file orders the steps; `import-batch.ts` plans the rows in memory, and each table is written by its
 * owner's set-based queries: policy_documents by documents.queries.ts, tasks and task_assignments by
 * tasks/task-bulk.queries.ts, audit_log by audit/audit.repository.ts.
 */
@Injectable()
export class TaskImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly departments: DepartmentsService,
  ) {}

  /**
   * Imports one extracted file in one transaction (imports are serialised by an advisory lock).
   * Batched: a handful of statements per file whatever its size (documents, tasks, assignments and
   * audit rows each go in as one jsonb recordset).
   */
  importFile(file: ExtractedFile, options: ImportFileOptions): Promise<FileImportResult> {
    return this.dataSource.transaction(async (manager) => {
      await lockImports(manager);
      const directory = await this.departments.directory(manager);
      const departmentsCreated = await this.applyMappings(file, directory, options.mappings ?? [], manager);
      const batch = new FileBatch(file, options, directory);
      const keys = candidateKeys(file.documents);
      const candidates = await documentCandidates(manager, keys.docNumbers, keys.titleKeys);
      batch.known = candidates.map((r) => ({ ...r, created: false }));
      batch.planDocuments();
      await insertDocumentRows(manager, batch.newDocuments);
      batch.existingTasks = await tasksOfDocuments(manager, batch.existingDocumentIds());
      batch.planTasks();
      for (const [current, measure] of batch.updates)
        await updateTaskText(manager, current, taskTextUpdate(measure, batch.sourceFile));
      for (const doc of batch.adopted) {
        await adoptDocumentSource(manager, doc.id, {
          file: batch.sourceFile,
          checksum: options.checksum,
          startLine: doc.startLine,
          endLine: doc.endLine,
        });
      }
      await insertTaskRows(manager, batch.newTasks);
      await upsertAssignmentRows(manager, batch.assignments);
      // The outbox, in this transaction: new tasks reach their lead departments and every new or changed
      // task gets its reminders at once (a worker drains it on commit, also for a CLI import).
      const actor = { id: options.actor.id, name: options.actor.name };
      await recordTaskEvents(manager, [
        ...batch.newTasks.map((t) => ({
          taskId: t.id,
          kind: options.announce === false ? ('task.changed' as const) : ('task.assigned' as const),
          actor,
        })),
        ...batch.updates.map(([current]) => ({ taskId: current.id, kind: 'task.changed' as const, actor })),
      ]);
      // New tasks get their 主办 (the first lead); a re-import keeps the one in force.
      await syncMainLeads(manager, [...new Set(batch.assignments.map((a) => a.task_id))], new Date());
      const result = { ...batch.result, departmentsCreated };
      // One summary row per imported file, also when it changed nothing (who imported what, when).
      const { documents: _documents, ...counts } = result;
      batch.audit.push({
        taskId: null,
        documentId: null,
        actor,
        action: 'import.file',
        detail: { ...counts, checksum: options.checksum },
      });
      await insertAuditEntries(manager, batch.audit);
      return result;
    });
  }

  /** Names no department answers to: map them (as an alias), or create a unit for them. */
  private async applyMappings(
    file: ExtractedFile,
    directory: DepartmentDirectory,
    mappings: DepartmentMapping[],
    manager: EntityManager,
  ): Promise<string[]> {
    const created: string[] = [];
    const byName = new Map(mappings.map((m) => [m.name, m]));
    for (const name of unknownNames(file, directory)) {
      const mapping = byName.get(name);
      if (mapping?.departmentId) {
        const target = await manager.getRepository(DepartmentEntity).findOneBy({ id: mapping.departmentId });
        if (!target) {
          throw new ValidationError(
            'IMPORT_MAPPING_UNKNOWN_DEPARTMENT',
            `“${name}”映射到的部门（${mapping.departmentId}）不存在，请从部门列表中选择。`,
            { name, departmentId: mapping.departmentId },
          );
        }
        await this.departments.addAlias(target.id, name, manager);
        target.aliases = [...target.aliases, name];
        directory.add(target);
      } else {
        // Unmapped names are created too: an assignment named in a document is never dropped.
        directory.add(await this.departments.createFromImport(name, manager));
        created.push(name);
      }
    }
    return created;
  }
}

/** Canonical names of a file that no department answers to. */
export function unknownNames(file: ExtractedFile, directory: DepartmentDirectory): string[] {
  const names = new Set<string>();
  for (const doc of file.documents) {
    for (const m of doc.measures) {
      for (const name of [...m.leadCanonical, ...m.participantsCanonical]) {
        if (!directory.resolve(name, doc.jurisdiction)) names.add(name);
      }
    }
  }
  return [...names];
}
