import { randomUUID } from 'node:crypto';
import type {
  AssignmentRole,
  ChecklistItemDto,
  AuditAction,
  ExtractedDocument,
  ExtractedFile,
  ExtractedMeasure,
} from '@duban/domain';
import type { AuditRecord } from '../audit/audit.repository';
import type { DepartmentDirectory } from '../departments/departments.service';
import type { DocumentCandidateRow, DocumentInsertRow } from '../documents/documents.queries';
import type {
  AssignmentInsertRow,
  StoredTaskRow,
  TaskInsertRow,
  TaskTextUpdate,
} from '../tasks/task-bulk.queries';
import { baseName, comparableText, titleKey } from './import-identity';
import type { FileImportResult, ImportFileOptions } from './task-import.types';

/**
 * The import's plan of one file, in memory: which documents are new, copies or adopted, which tasks are new or
 * changed, their assignments and audit entries — so the database sees a few set-based statements (the
 * writers are the owning features' bulk queries; see task-import.service.ts).
 */

export type KnownDocument = DocumentCandidateRow & { created: boolean };

function sameAsNumber(sameAs: string): string | null {
  return /号$/.test(sameAs) && sameAs.length <= 40 ? sameAs : null;
}

/** The document with this 文号, else with this normalised title (and a compatible 文号). */
function matchDocument(
  known: KnownDocument[],
  docNumber: string | null,
  title: string,
): KnownDocument | null {
  if (docNumber) {
    const byNumber = known.find((d) => d.doc_number === docNumber);
    if (byNumber) return byNumber;
  }
  const key = titleKey(title);
  return (
    known.find(
      (d) =>
        d.title_key === key && (d.doc_number === null || docNumber === null || d.doc_number === docNumber),
    ) ?? null
  );
}

/** Plans the writes of one file in memory, so the database sees a few set-based statements. */
export class FileBatch {
  readonly sourceFile: string;
  known: KnownDocument[] = [];
  existingTasks: StoredTaskRow[] = [];
  readonly newDocuments: DocumentInsertRow[] = [];
  readonly newTasks: TaskInsertRow[] = [];
  readonly updates: [StoredTaskRow, ExtractedMeasure][] = [];
  /** Stored documents without tasks whose source becomes this file. */
  readonly adopted: { id: string; startLine: number; endLine: number }[] = [];
  readonly assignments: AssignmentInsertRow[] = [];
  readonly audit: AuditRecord[] = [];
  readonly result: FileImportResult;
  /** Per input document: its row, and whether it is a copy to skip. */
  private readonly targets: { doc: ExtractedDocument; row: KnownDocument; copy: boolean }[] = [];

  constructor(
    private readonly file: ExtractedFile,
    private readonly options: ImportFileOptions,
    private readonly directory: DepartmentDirectory,
  ) {
    this.sourceFile = baseName(file.file);
    this.result = {
      file: this.sourceFile,
      departmentsCreated: [],
      documents: [],
      documentsCreated: 0,
      documentsUnchanged: 0,
      tasksCreated: 0,
      tasksUpdated: 0,
      tasksUnchanged: 0,
    };
  }

  private auditRow(
    action: AuditAction,
    taskId: string | null,
    documentId: string,
    detail: Record<string, unknown>,
  ): void {
    this.audit.push({ taskId, documentId, actor: this.options.actor, action, detail });
  }

  planDocuments(): void {
    for (const doc of this.file.documents) {
      const copyOf = doc.sameAs ? matchDocument(this.known, sameAsNumber(doc.sameAs), doc.sameAs) : null;
      if (copyOf) {
        // A later copy of a document already imported in this run: the first copy is authoritative.
        this.targets.push({ doc, row: copyOf, copy: true });
        continue;
      }
      let row = matchDocument(this.known, doc.docNumber, doc.title);
      if (!row) {
        const fresh: DocumentInsertRow = {
          id: randomUUID(),
          doc_number: doc.docNumber,
          title: doc.title,
          title_key: titleKey(doc.title),
          issuer: doc.issuer,
          date: doc.date,
          source_file: this.sourceFile,
          source_checksum: this.options.checksum,
          start_line: doc.startLine,
          end_line: doc.endLine,
        };
        this.newDocuments.push(fresh);
        row = { ...fresh, created: true };
        this.known.push(row);
        this.auditRow('document.imported', null, fresh.id, {
          sourceFile: this.sourceFile,
          checksum: this.options.checksum,
          measures: doc.measures.length,
        });
      }
      this.targets.push({ doc, row, copy: false });
    }
  }

  existingDocumentIds(): string[] {
    return [...new Set(this.targets.filter((t) => !t.row.created).map((t) => t.row.id))];
  }

  planTasks(): void {
    const byDocument = new Map<string, Map<string, StoredTaskRow>>();
    for (const task of this.existingTasks) {
      const tasks = byDocument.get(task.document_id) ?? new Map<string, StoredTaskRow>();
      tasks.set(task.measure_key, task);
      byDocument.set(task.document_id, tasks);
    }
    const counted = new Set<string>();
    for (const { doc, row, copy } of this.targets) {
      const first = !counted.has(row.id);
      counted.add(row.id);
      if (row.created && first) this.result.documentsCreated += 1;
      else this.result.documentsUnchanged += 1;
      if (copy) {
        this.result.tasksUnchanged += doc.measures.length;
        this.result.documents.push({ id: row.id, title: row.title, created: false, tasks: 0 });
        continue;
      }
      const existing = byDocument.get(row.id) ?? new Map<string, StoredTaskRow>();
      // Copies found in another file may cut measures differently: they update matching tasks but
      // add none, so a reprint never duplicates a document's tasks. Exception: when the stored copy
      // yielded no task at all, this copy becomes the document's source (nothing to duplicate).
      const adopt =
        !row.created && row.source_file !== this.sourceFile && existing.size === 0 && doc.measures.length > 0;
      if (adopt) {
        this.adopted.push({ id: row.id, startLine: doc.startLine, endLine: doc.endLine });
        this.auditRow('document.source_changed', null, row.id, {
          from: row.source_file,
          to: this.sourceFile,
        });
        row.source_file = this.sourceFile;
      }
      const mayCreate = row.created || row.source_file === this.sourceFile;
      byDocument.set(row.id, existing);
      const idByKey = new Map([...existing.values()].map((t) => [t.measure_key, t.id]));
      const added: TaskInsertRow[] = [];
      for (const measure of doc.measures) {
        const current = existing.get(measure.key);
        if (current) {
          if (comparableText(current.text) === comparableText(measure.text)) {
            this.result.tasksUnchanged += 1;
            continue;
          }
          this.auditRow('task.text_changed', current.id, row.id, {
            sourceFile: this.sourceFile,
            line: measure.line,
            before: current.text,
            after: measure.text,
          });
          this.updates.push([{ ...current }, measure]);
          // A second copy of the same measure in this run compares against the new text.
          current.text = measure.text;
          this.assignments.push(...assignmentRows(current.id, measure, this.directory, doc.jurisdiction));
          this.result.tasksUpdated += 1;
          continue;
        }
        if (!mayCreate) {
          this.result.tasksUnchanged += 1;
          continue;
        }
        const id = randomUUID();
        idByKey.set(measure.key, id);
        const task = taskRow(id, row.id, measure, this.sourceFile);
        added.push(task);
        existing.set(measure.key, {
          id,
          document_id: row.id,
          measure_key: measure.key,
          text: measure.text,
          original_deadline: null,
        });
        this.assignments.push(...assignmentRows(id, measure, this.directory, doc.jurisdiction));
        this.auditRow('task.imported', id, row.id, {
          sourceFile: this.sourceFile,
          line: measure.line,
          key: measure.key,
        });
      }
      // Parents are measures of the same document; headings that are not measures stay in `path`.
      const parentKeys = new Map(doc.measures.map((m) => [m.key, m.parentKey]));
      for (const task of added) {
        const parentKey = parentKeys.get(task.measure_key) ?? null;
        task.parent_id = parentKey ? (idByKey.get(parentKey) ?? null) : null;
      }
      this.newTasks.push(...added);
      this.result.tasksCreated += added.length;
      this.result.documents.push({ id: row.id, title: row.title, created: row.created, tasks: added.length });
    }
  }
}

function taskRow(id: string, documentId: string, m: ExtractedMeasure, sourceFile: string): TaskInsertRow {
  return {
    id,
    document_id: documentId,
    measure_key: m.key,
    parent_id: null,
    path: m.path,
    title: m.title,
    text: m.text,
    source_file: sourceFile,
    source_line: m.line,
    origin: m.origin,
    joint: m.joint,
    lead_names: m.lead,
    participant_names: m.participants,
    deadline: m.deadline,
    deadline_text: m.deadlineText,
    deadline_kind: storedDeadlineKind(m.deadlineKind),
    milestones: m.milestones ?? [],
    recurrence: m.deadlineKind === 'recurring' ? (m.period ?? null) : null,
    checklist: openChecklist(m),
  };
}

/** A labelled-field block's numbered items as a 工作清单, none ticked (a re-import keeps ticks of unchanged items). */
function openChecklist(m: ExtractedMeasure): ChecklistItemDto[] {
  return (m.checklist ?? []).map((text) => ({ text, done: false, doneAt: null, doneBy: null }));
}

/**
 * The deadline_kind column is a PostgreSQL enum ('date', 'ongoing'); the extractor's kind `recurring`
 * (每年/每季度… duties, issue 10) is stored as 'ongoing' — a duty without a final date — with its period in the
 * recurrence column, as a 立项 by hand stores it. The phrase itself is kept in deadline_text.
 */
function storedDeadlineKind(kind: ExtractedMeasure['deadlineKind']): 'date' | 'ongoing' | null {
  return kind === 'recurring' ? 'ongoing' : kind;
}

/** One row per department: lead wins over participant when a unit is named as both. */
function assignmentRows(
  taskId: string,
  m: ExtractedMeasure,
  directory: DepartmentDirectory,
  jurisdiction: string | null | undefined,
): AssignmentInsertRow[] {
  const rows = new Map<string, AssignmentInsertRow>();
  const add = (names: string[], role: AssignmentRole) => {
    names.forEach((name, position) => {
      // The document's place decides what 市发展改革委 is (the deployment's directory, issue 10).
      const department = directory.resolve(name, jurisdiction);
      if (department && !rows.has(department.id)) {
        rows.set(department.id, { task_id: taskId, department_id: department.id, role, position });
      }
    });
  };
  add(m.leadCanonical, 'lead');
  add(m.participantsCanonical, 'participant');
  return [...rows.values()];
}

/** A changed measure's new text, as the task stores it. */
export function taskTextUpdate(m: ExtractedMeasure, sourceFile: string): TaskTextUpdate {
  return {
    title: m.title,
    text: m.text,
    path: m.path,
    source_file: sourceFile,
    source_line: m.line,
    lead_names: m.lead,
    participant_names: m.participants,
    joint: m.joint,
    deadline: m.deadline,
    deadline_text: m.deadlineText,
    deadline_kind: storedDeadlineKind(m.deadlineKind),
    milestones: m.milestones ?? [],
    recurrence: m.deadlineKind === 'recurring' ? (m.period ?? null) : null,
    checklist: openChecklist(m),
  };
}

/** The 文号 and title keys under which a file's documents (and the copies they name) may be stored. */
export function candidateKeys(docs: readonly ExtractedDocument[]): {
  docNumbers: string[];
  titleKeys: string[];
} {
  return {
    docNumbers: docs
      .flatMap((d) => [d.docNumber, d.sameAs && sameAsNumber(d.sameAs)])
      .filter((n): n is string => !!n),
    titleKeys: docs.flatMap((d) => [titleKey(d.title), ...(d.sameAs ? [titleKey(d.sameAs)] : [])]),
  };
}
