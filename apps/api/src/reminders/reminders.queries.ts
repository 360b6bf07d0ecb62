import type { ReminderTaskState } from '@duban/domain';
import type { EntityManager } from 'typeorm';
import { mainLeadSql } from '../tasks/main-lead.queries';

/** A connection or a transaction's manager: both run statements. */
type SqlRunner = Pick<EntityManager, 'query'>;

/** A task's reminder-relevant columns. */
export interface ReminderTaskRow {
  id: string;
  status: ReminderTaskState['status'];
  deadline: string | null;
  last_report_at: Date | null;
  created_at: Date;
  title: string;
  lead_ids: string[];
  participant_ids: string[];
  main_lead_id: string | null;
  awaiting_signoff_since: Date | null;
  assignee_id: string | null;
  milestones: { date: string; text: string }[];
  recurrence: ReminderTaskState['recurrence'];
}

/**
 * Collective parties (各有关部门, 各地区…; `departments.collective`) are left out: nobody reads their inbox,
 * so a task led only by them reminds nobody but its participants and, once overdue, the 督查室 (its
 * escalation), while it waits in the 「待明确责任单位」 queue.
 */
const SELECT = `
  SELECT t.id, t.status::text AS status, to_char(t.deadline, 'YYYY-MM-DD') AS deadline, t.last_report_at, t.created_at, t.title,
    coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'lead'), '{}')::text[] AS lead_ids,
    coalesce(array_agg(a.department_id::text ORDER BY a.position) FILTER (WHERE a.role = 'participant'), '{}')::text[] AS participant_ids,
    ${mainLeadSql('t.id', { realOnly: true })}::text AS main_lead_id,
    CASE WHEN t.acknowledged_at IS NULL THEN t.signoff_requested_at END AS awaiting_signoff_since,
    t.assignee_id::text AS assignee_id, t.milestones, t.recurrence::text AS recurrence
  FROM tasks t
  LEFT JOIN (task_assignments a JOIN departments ad ON ad.id = a.department_id AND NOT ad.collective)
    ON a.task_id = t.id`;

export function reminderTasksByIds(db: SqlRunner, taskIds: readonly string[]): Promise<ReminderTaskRow[]> {
  return db.query(`${SELECT} WHERE t.id = ANY($1::uuid[]) GROUP BY t.id`, [taskIds]);
}

/** A page of tasks that may still need reminders (keyset on id: those after `after`). */
export function openReminderTasks(
  db: SqlRunner,
  after: string,
  pageSize: number,
): Promise<ReminderTaskRow[]> {
  return db.query(
    `${SELECT} WHERE t.status NOT IN ('done', 'terminated') AND t.id > $1 GROUP BY t.id ORDER BY t.id LIMIT $2`,
    [after, pageSize],
  );
}

/** The admins' overrides of the reminder policy (one row, id 1), if any. */
export async function storedReminderPolicy<P>(db: SqlRunner): Promise<Partial<P> | undefined> {
  const [row]: { policy: Partial<P> }[] = await db.query('SELECT policy FROM reminder_settings WHERE id = 1');
  return row?.policy;
}

export async function saveReminderPolicy(
  db: SqlRunner,
  policy: unknown,
  actorId: string | null,
): Promise<void> {
  await db.query(
    `INSERT INTO reminder_settings (id, policy, updated_by) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET policy = EXCLUDED.policy, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [JSON.stringify(policy), actorId],
  );
}
