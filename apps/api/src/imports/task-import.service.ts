import { randomUUID } from 'node:crypto';
import type {
  AssignmentRole,
  ExtractedDocument,
  ExtractedFile,
  ExtractedMeasure,
  ImportResultDto,
} from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { DepartmentEntity } from '../departments/department.entity';
import { DepartmentsService, type DepartmentDirectory } from '../departments/departments.service';
import { PolicyDocumentEntity } from '../documents/policy-document.entity';
import { recordTaskEvents } from '../events/task-event-outbox';
import { ValidationError } from '../infra/http/domain-error';
import { syncMainLeads } from '../tasks/main-lead.sql';
import { baseName, comparableText, titleKey } from './import-identity';

export interface ImportActor {
  /** User id, or null for the CLI / setup. */
  id: string | null;
  name: string;
}

/** What to do with a department name the directory does not know. */
export interface DepartmentMapping {
  name: string;
  departmentId?: string;
  create?: boolean;
}

export interface ImportFileOptions {
  /** sha256 of the file's bytes. */
  checksum: string;
  actor: ImportActor;
  mappings?: DepartmentMapping[];
  /**
   * New tasks reach their lead departments (`task.assigned`, the default); false for the first-run corpus
   * of `setup`, which is seed data: its tasks only get reminders (`task.changed`), nobody a message.
   */
  announce?: boolean;
}

export interface FileImportResult extends ImportResultDto {
  file: string;
  /** Units created for names nobody mapped (kept, never dropped). */
  departmentsCreated: string[];
  documents: { id: string; title: string; created: boolean; tasks: number }[];
}

interface ExistingTask {
  id: string;
  document_id: string;
  measure_key: string;
  text: string;
  original_deadline: string | null;
}

interface TaskRow {
  id: string;
  document_id: string;
  measure_key: string;
  parent_id: string | null;
  path: string[];
  title: string;
  text: string;
  source_file: string;
  source_line: number;
  origin: string;
  joint: boolean;
  lead_names: string[];
  participant_names: string[];
  deadline: string | null;
  deadline_text: string | null;
  deadline_kind: string | null;
}

interface AssignmentRow {
  task_id: string;
  department_id: string;
  role: AssignmentRole;
  position: number;
}

interface AuditRow {
  task_id: string | null;
  document_id: string | null;
  actor_id: string | null;
  actor_name: string;
  action: string;
  detail: Record<string, unknown>;
}

/** Rows per INSERT statement (one jsonb parameter each; keeps statements a few MB at most). */
const CHUNK = 1000;

/**
 * Writes extracted documents and measures into the database. Idempotent: documents are found by
 * 文号 (or normalised title), tasks by (document, measure key); a re-import creates nothing new,
 * a changed measure text updates the task (with an audit entry), and nothing is ever deleted —
 * progress, evidence, status and granted extensions are never touched.
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
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('duban:import'))`);
      const directory = await this.departments.directory(manager);
      const departmentsCreated = await this.applyMappings(file, directory, options.mappings ?? [], manager);
      const batch = new FileBatch(file, options, directory);
      batch.known = await loadCandidates(manager, file.documents);
      batch.planDocuments();
      await insertDocuments(manager, batch.newDocuments);
      batch.existingTasks = await loadTasks(manager, batch.existingDocumentIds());
      batch.planTasks();
      for (const [current, measure] of batch.updates)
        await updateTask(manager, current, measure, batch.sourceFile);
      for (const doc of batch.adopted) {
        await manager.query(
          `UPDATE policy_documents SET source_file = $2, source_checksum = $3, start_line = $4, end_line = $5,
                  updated_at = now() WHERE id = $1`,
          [doc.id, batch.sourceFile, options.checksum, doc.startLine, doc.endLine],
        );
      }
      await insertTasks(manager, batch.newTasks);
      await insertAssignments(manager, batch.assignments);
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
        task_id: null,
        document_id: null,
        actor_id: options.actor.id,
        actor_name: options.actor.name,
        action: 'import.file',
        detail: { ...counts, checksum: options.checksum },
      });
      await insertAudit(manager, batch.audit);
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

function sameAsNumber(sameAs: string): string | null {
  return /号$/.test(sameAs) && sameAs.length <= 40 ? sameAs : null;
}

/** The stored document with this 文号, else with this normalised title (and a compatible 文号). */
export async function findDocument(
  manager: EntityManager,
  docNumber: string | null,
  title: string,
): Promise<PolicyDocumentEntity | null> {
  const repo = manager.getRepository(PolicyDocumentEntity);
  if (docNumber) {
    const byNumber = await repo.findOneBy({ docNumber });
    if (byNumber) return byNumber;
  }
  const byTitle = await repo.find({ where: { titleKey: titleKey(title) }, order: { createdAt: 'ASC' } });
  return byTitle.find((d) => d.docNumber === null || docNumber === null || d.docNumber === docNumber) ?? null;
}

/**
 * findDocument for many documents in two queries (a preview of a large file names hundreds): the same
 * rule, by 文号 first, else the oldest document with the same title key and a compatible 文号.
 */
export async function findDocuments(
  manager: EntityManager,
  docs: readonly { docNumber: string | null; title: string }[],
): Promise<(PolicyDocumentEntity | null)[]> {
  const repo = manager.getRepository(PolicyDocumentEntity);
  const numbers = [...new Set(docs.flatMap((d) => (d.docNumber ? [d.docNumber] : [])))];
  const keys = [...new Set(docs.map((d) => titleKey(d.title)))];
  const [byNumber, byTitle] = await Promise.all([
    numbers.length ? repo.find({ where: { docNumber: In(numbers) } }) : [],
    keys.length ? repo.find({ where: { titleKey: In(keys) }, order: { createdAt: 'ASC' } }) : [],
  ]);
  const numbered = new Map(byNumber.map((d) => [d.docNumber, d]));
  const titled = new Map<string, PolicyDocumentEntity[]>();
  for (const d of byTitle) titled.set(d.titleKey, [...(titled.get(d.titleKey) ?? []), d]);
  return docs.map((doc) => {
    const exact = doc.docNumber ? numbered.get(doc.docNumber) : undefined;
    if (exact) return exact;
    const candidates = titled.get(titleKey(doc.title)) ?? [];
    return (
      candidates.find(
        (d) => d.docNumber === null || doc.docNumber === null || d.docNumber === doc.docNumber,
      ) ?? null
    );
  });
}

function taskRow(id: string, documentId: string, m: ExtractedMeasure, sourceFile: string): TaskRow {
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
  };
}

/**
 * The deadline_kind column is a PostgreSQL enum ('date', 'ongoing'); the extractor's newer kind `recurring`
 * (每年/每季度… duties, issue 10) is stored as 'ongoing' — a duty without a final date — until a migration adds
 * the value and a period column. The phrase itself is kept in deadline_text.
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
): AssignmentRow[] {
  const rows = new Map<string, AssignmentRow>();
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

async function insertTasks(manager: EntityManager, rows: TaskRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO tasks (id, document_id, measure_key, parent_id, path, title, text, source_file, source_line,
                          origin, joint, lead_names, participant_names, deadline, deadline_text, deadline_kind)
       SELECT id, document_id, measure_key, parent_id, path, title, text, source_file, source_line,
              origin::measure_origin, joint, lead_names, participant_names, deadline, deadline_text,
              deadline_kind::deadline_kind
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, document_id uuid, measure_key text, parent_id uuid,
              path text[], title text, text text, source_file text, source_line int, origin text, joint boolean,
              lead_names text[], participant_names text[], deadline date, deadline_text text, deadline_kind text)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

/** New assignments only: an existing (task, department) keeps its row; a participant promoted to lead is updated. */
async function insertAssignments(manager: EntityManager, rows: AssignmentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO task_assignments (task_id, department_id, role, position)
       SELECT task_id, department_id, role::assignment_role, position
         FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, department_id uuid, role text, position smallint)
       ON CONFLICT ON CONSTRAINT "UQ_task_assignments_task_department"
       DO UPDATE SET role = 'lead' WHERE EXCLUDED.role = 'lead' AND task_assignments.role <> 'lead'`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function insertAudit(manager: EntityManager, rows: AuditRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO audit_log (task_id, document_id, actor_id, actor_name, action, detail)
       SELECT task_id, document_id, actor_id, actor_name, action, detail
         FROM jsonb_to_recordset($1::jsonb) AS r(task_id uuid, document_id uuid, actor_id uuid, actor_name text,
              action text, detail jsonb)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

interface DocumentRow {
  id: string;
  doc_number: string | null;
  title: string;
  title_key: string;
  issuer: string | null;
  date: string | null;
  source_file: string;
  source_checksum: string;
  start_line: number;
  end_line: number;
}

type KnownDocument = Pick<DocumentRow, 'id' | 'doc_number' | 'title' | 'title_key' | 'source_file'> & {
  created: boolean;
};

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
class FileBatch {
  readonly sourceFile: string;
  known: KnownDocument[] = [];
  existingTasks: ExistingTask[] = [];
  readonly newDocuments: DocumentRow[] = [];
  readonly newTasks: TaskRow[] = [];
  readonly updates: [ExistingTask, ExtractedMeasure][] = [];
  /** Stored documents without tasks whose source becomes this file. */
  readonly adopted: { id: string; startLine: number; endLine: number }[] = [];
  readonly assignments: AssignmentRow[] = [];
  readonly audit: AuditRow[] = [];
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
    action: string,
    taskId: string | null,
    documentId: string,
    detail: Record<string, unknown>,
  ): void {
    this.audit.push({
      task_id: taskId,
      document_id: documentId,
      actor_id: this.options.actor.id,
      actor_name: this.options.actor.name,
      action,
      detail,
    });
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
        const fresh: DocumentRow = {
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
    const byDocument = new Map<string, Map<string, ExistingTask>>();
    for (const task of this.existingTasks) {
      const tasks = byDocument.get(task.document_id) ?? new Map<string, ExistingTask>();
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
      const existing = byDocument.get(row.id) ?? new Map<string, ExistingTask>();
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
      const added: TaskRow[] = [];
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

async function loadCandidates(manager: EntityManager, docs: ExtractedDocument[]): Promise<KnownDocument[]> {
  const numbers = docs
    .flatMap((d) => [d.docNumber, d.sameAs && sameAsNumber(d.sameAs)])
    .filter((n): n is string => !!n);
  const keys = docs.flatMap((d) => [titleKey(d.title), ...(d.sameAs ? [titleKey(d.sameAs)] : [])]);
  const rows = await manager.query<Omit<KnownDocument, 'created'>[]>(
    `SELECT id, doc_number, title, title_key, source_file FROM policy_documents
      WHERE doc_number = ANY($1::text[]) OR title_key = ANY($2::text[])
      ORDER BY created_at, id`,
    [numbers, keys],
  );
  return rows.map((r) => ({ ...r, created: false }));
}

async function loadTasks(manager: EntityManager, documentIds: string[]): Promise<ExistingTask[]> {
  if (documentIds.length === 0) return [];
  return manager.query<ExistingTask[]>(
    `SELECT id, document_id, measure_key, text, to_char(original_deadline, 'YYYY-MM-DD') AS original_deadline
       FROM tasks WHERE document_id = ANY($1::uuid[])`,
    [documentIds],
  );
}

async function insertDocuments(manager: EntityManager, rows: DocumentRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await manager.query(
      `INSERT INTO policy_documents (id, doc_number, title, title_key, issuer, date, source_file, source_checksum,
                                     start_line, end_line)
       SELECT id, doc_number, title, title_key, issuer, date, source_file, source_checksum, start_line, end_line
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, doc_number text, title text, title_key text, issuer text,
              date date, source_file text, source_checksum text, start_line int, end_line int)`,
      [JSON.stringify(rows.slice(i, i + CHUNK))],
    );
  }
}

async function updateTask(
  manager: EntityManager,
  current: ExistingTask,
  measure: ExtractedMeasure,
  sourceFile: string,
): Promise<void> {
  // A granted extension keeps the deadline in force; the document's new date becomes the original.
  const extended = current.original_deadline !== null;
  await manager.query(
    `UPDATE tasks SET title = $2, text = $3, path = $4, source_file = $5, source_line = $6,
            lead_names = $7, participant_names = $8, joint = $9, deadline_text = $10, deadline_kind = $11,
            ${extended ? 'original_deadline' : 'deadline'} = $12,
            version = version + 1, updated_at = now()
      WHERE id = $1`,
    [
      current.id,
      measure.title,
      measure.text,
      measure.path,
      sourceFile,
      measure.line,
      measure.lead,
      measure.participants,
      measure.joint,
      measure.deadlineText,
      storedDeadlineKind(measure.deadlineKind),
      measure.deadline,
    ],
  );
}
