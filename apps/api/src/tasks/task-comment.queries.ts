import type { TaskCommentDto } from '@duban/domain';
import type { EntityManager } from 'typeorm';

/** A connection or a transaction's manager: both run statements. */
type Runner = Pick<EntityManager, 'query'>;

/** The SQL on `task_comments` (督办意见 and replies). */

interface CommentRow {
  id: string;
  reply_to_id: string | null;
  author_name: string;
  department_id: string | null;
  department_name: string | null;
  by_supervisor: boolean;
  text: string;
  mentions: { id: string; name: string }[];
  created_at: Date;
}

/** The thread of a task, oldest first. */
export async function commentsForTask(db: Runner, taskId: string): Promise<TaskCommentDto[]> {
  const rows = await db.query<CommentRow[]>(
    `SELECT c.id, c.reply_to_id, c.author_name, c.department_id, d.name AS department_name, c.by_supervisor,
            c.text, c.created_at,
            coalesce((SELECT json_agg(json_build_object('id', m.id, 'name', m.name) ORDER BY m.name)
                        FROM departments m WHERE m.id = ANY(c.mention_ids)), '[]') AS mentions
       FROM task_comments c LEFT JOIN departments d ON d.id = c.department_id
      WHERE c.task_id = $1 ORDER BY c.created_at, c.id`,
    [taskId],
  );
  return rows.map((r) => ({
    id: r.id,
    replyTo: r.reply_to_id,
    author: r.author_name,
    department: r.department_id ? { id: r.department_id, name: r.department_name ?? '' } : null,
    supervisor: r.by_supervisor,
    text: r.text,
    mentions: r.mentions,
    createdAt: r.created_at.toISOString(),
  }));
}

/** Whether the comment exists on that task (a reply may only answer its own task's thread). */
export async function commentOnTask(db: Runner, commentId: string, taskId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }[]>(
    `SELECT id FROM task_comments WHERE id = $1 AND task_id = $2`,
    [commentId, taskId],
  );
  return rows.length > 0;
}

export interface NewComment {
  taskId: string;
  replyToId: string | null;
  authorId: string;
  authorName: string;
  departmentId: string | null;
  bySupervisor: boolean;
  text: string;
  mentionIds: string[];
}

/** Inserts a comment stamped with the statement's own clock (two in one transaction keep their order). */
export async function insertComment(db: Runner, comment: NewComment): Promise<string> {
  const [row] = await db.query<{ id: string }[]>(
    `INSERT INTO task_comments (task_id, reply_to_id, author_id, author_name, department_id, by_supervisor, text,
                                mention_ids, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], clock_timestamp()) RETURNING id`,
    [
      comment.taskId,
      comment.replyToId,
      comment.authorId,
      comment.authorName,
      comment.departmentId,
      comment.bySupervisor,
      comment.text,
      comment.mentionIds,
    ],
  );
  return row.id;
}
