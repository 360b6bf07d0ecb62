import type { ExtensionDto, ExtensionStatus } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { EXTENSION_COLUMNS, toExtensionDto, type ExtensionRow } from './extension-row';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The SQL on `extension_requests` (申请延期): a task's requests, the review queue, requests and decisions. */

const NO_DEPARTMENT = '00000000-0000-0000-0000-000000000000';

/** A task's extension requests, oldest first. */
export async function extensionsForTask(db: Runner, taskId: string): Promise<ExtensionDto[]> {
  const rows = await db.query<ExtensionRow[]>(
    `SELECT ${EXTENSION_COLUMNS}
       FROM extension_requests x
       JOIN departments d ON d.id = x.department_id
       JOIN users ru ON ru.id = x.requested_by_id
       LEFT JOIN users du ON du.id = x.decided_by_id
      WHERE x.task_id = $1 ORDER BY x.created_at, x.id`,
    [taskId],
  );
  return rows.map(toExtensionDto);
}

export interface NewExtensionRequest {
  taskId: string;
  departmentId: string | null;
  requestedById: string;
  reason: string;
  currentDeadline: string | null;
  requestedDeadline: string;
}

/** Inserts a pending request; returns its id. */
export async function insertExtensionRequest(db: Runner, request: NewExtensionRequest): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO extension_requests (task_id, department_id, requested_by_id, reason, current_deadline, requested_deadline)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [
      request.taskId,
      request.departmentId,
      request.requestedById,
      request.reason,
      request.currentDeadline,
      request.requestedDeadline,
    ],
  );
  return row.id;
}

export async function recordExtensionDecision(
  db: Runner,
  extensionId: string,
  decision: { status: 'granted' | 'refused'; decidedById: string; reason: string | null; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE extension_requests SET status = $2, decided_by_id = $3, decision_reason = $4, decided_at = $5 WHERE id = $1`,
    [extensionId, decision.status, decision.decidedById, decision.reason, decision.at],
  );
}

export interface ExtensionQueueRow extends ExtensionRow {
  task_id: string;
  task_title: string;
  task_deadline: string | null;
  total_count: number;
}

/**
 * One page of the review queue with its total. Supervisors and admins see every request; an officer only
 * those on tasks its department is assigned to, filtered in the WHERE clause.
 */
export async function extensionQueuePage(
  db: Runner,
  filter: { status?: ExtensionStatus; officerDepartment?: string | null },
  page: number,
  pageSize: number,
): Promise<{ rows: ExtensionQueueRow[]; total: number }> {
  const parameters: unknown[] = [];
  const where: string[] = [];
  if (filter.status) {
    parameters.push(filter.status);
    where.push(`x.status = $${parameters.length}`);
  }
  if (filter.officerDepartment !== undefined) {
    parameters.push(filter.officerDepartment ?? NO_DEPARTMENT);
    where.push(
      `EXISTS (SELECT 1 FROM task_assignments oa WHERE oa.task_id = x.task_id AND oa.department_id = $${parameters.length})`,
    );
  }
  // Pending requests wait in arrival order (oldest first); decided ones read newest decision first.
  const order =
    filter.status === 'pending'
      ? 'x.created_at ASC, x.id ASC'
      : 'coalesce(x.decided_at, x.created_at) DESC, x.id ASC';
  const whereSql = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const filterParameters = [...parameters];
  parameters.push(pageSize, (page - 1) * pageSize);
  const rows = await db.query<ExtensionQueueRow[]>(
    `SELECT ${EXTENSION_COLUMNS},
            t.id AS task_id, t.title AS task_title, t.deadline::text AS task_deadline,
            count(*) OVER ()::int AS total_count
       FROM extension_requests x
       JOIN tasks t ON t.id = x.task_id
       JOIN departments d ON d.id = x.department_id
       JOIN users ru ON ru.id = x.requested_by_id
       LEFT JOIN users du ON du.id = x.decided_by_id
      ${whereSql}
      ORDER BY ${order}
      LIMIT $${parameters.length - 1} OFFSET $${parameters.length}`,
    parameters,
  );
  if (rows.length > 0) return { rows, total: rows[0].total_count };
  // Past the last page the window count is not there to read: count separately.
  if (page === 1) return { rows, total: 0 };
  const [row] = await db.query<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM extension_requests x ${whereSql}`,
    filterParameters,
  );
  return { rows, total: row?.n ?? 0 };
}

/** A closed task's pending requests are answered with the closing reason, so no queue keeps them. */
export async function refusePendingExtensions(
  db: Runner,
  taskId: string,
  userId: string,
  reason: string,
): Promise<void> {
  await db.query(
    `UPDATE extension_requests SET status = 'refused', decided_by_id = $2, decision_reason = $3, decided_at = now()
      WHERE task_id = $1 AND status = 'pending'`,
    [taskId, userId, reason],
  );
}
