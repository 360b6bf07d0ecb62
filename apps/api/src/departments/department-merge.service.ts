import type { MergeDepartmentResultDto } from '@duban/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { ReminderScheduler } from '../reminders/reminder.scheduler';
import { UsersService } from '../users/users.service';
import { actorOf, lockDirectory } from './department-admin.service';
import { DepartmentEntity } from './department.entity';
import { DepartmentNotFoundError, mergeErrors } from './departments.errors';

/** Tables whose rows record a unit's own work on tasks: they follow it to its successor. */
const WORK_TABLES = ['evidence_files', 'progress_reports', 'extension_requests', 'task_comments'] as const;
/** Tasks rescheduled per call after the commit. */
const RESCHEDULE_CHUNK = 500;

interface MovedAssignment {
  task_id: string;
  role: 'lead' | 'participant';
  /** The successor's role on the task before the merge, when it was already assigned. */
  target_role: 'lead' | 'participant' | null;
}

/**
 * 合并 / 继任: one unit is merged into its successor. In one transaction (serialised with imports):
 * every task assignment moves (where the successor was already assigned, one row stays, with the
 * stronger role and the earlier position), with the unit's evidence, reports, extension requests and
 * comments (the 牵头 evidence rule reads them by unit); its accounts move; its names become aliases of
 * the successor, so later imports match them; the merged unit keeps its row with `successor_id` (hidden
 * from pickers). One audit entry per moved task (in the task's timeline) and one for the merge. After
 * the commit the moved tasks' reminders are rescheduled.
 */
@Injectable()
export class DepartmentMergeService {
  private readonly logger = new Logger(DepartmentMergeService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly reminders: ReminderScheduler,
  ) {}

  async merge(sourceId: string, intoId: string, user: AuthUser): Promise<MergeDepartmentResultDto> {
    if (sourceId === intoId) throw mergeErrors.self();
    const { result, taskIds, userIds } = await this.dataSource.transaction((manager) =>
      this.mergeIn(manager, sourceId, intoId, user),
    );
    for (const id of userIds) this.users.forgetIdentity(id);
    for (let i = 0; i < taskIds.length; i += RESCHEDULE_CHUNK) {
      await this.reminders.tasksChanged(taskIds.slice(i, i + RESCHEDULE_CHUNK)).catch((error: unknown) => {
        this.logger.error(
          `rescheduling after a merge failed (the reconciler will catch up): ${String(error)}`,
        );
      });
    }
    return result;
  }

  private async mergeIn(
    manager: EntityManager,
    sourceId: string,
    intoId: string,
    user: AuthUser,
  ): Promise<{ result: MergeDepartmentResultDto; taskIds: string[]; userIds: string[] }> {
    await lockDirectory(manager);
    const repo = manager.getRepository(DepartmentEntity);
    const source = await repo.findOne({ where: { id: sourceId }, lock: { mode: 'pessimistic_write' } });
    if (!source) throw new DepartmentNotFoundError(sourceId);
    const target = await repo.findOne({ where: { id: intoId }, lock: { mode: 'pessimistic_write' } });
    if (!target) throw mergeErrors.unknownTarget(intoId);
    if (source.successorId) {
      const successor = await repo.findOneBy({ id: source.successorId });
      throw mergeErrors.alreadyMerged(source.name, successor?.name ?? source.successorId);
    }
    if (target.collective) throw mergeErrors.intoCollective(target.name);
    if (target.successorId) {
      const successor = await repo.findOneBy({ id: target.successorId });
      throw mergeErrors.intoMerged(target.name, successor?.name ?? target.successorId);
    }
    if (source.collective) throw mergeErrors.collective(source.name);

    const moved = await manager.query<MovedAssignment[]>(
      `SELECT a.task_id::text AS task_id, a.role, b.role AS target_role
         FROM task_assignments a
         LEFT JOIN task_assignments b ON b.task_id = a.task_id AND b.department_id = $2
        WHERE a.department_id = $1
        ORDER BY a.task_id
          FOR UPDATE OF a`,
      [sourceId, intoId],
    );
    // Both assigned: the successor's row stays, lead if either was, at the earlier position.
    await manager.query(
      `UPDATE task_assignments b
          SET role = CASE WHEN a.role = 'lead' OR b.role = 'lead' THEN 'lead' ELSE 'participant' END::assignment_role,
              position = LEAST(a.position, b.position)
         FROM task_assignments a
        WHERE a.department_id = $1 AND b.department_id = $2 AND a.task_id = b.task_id`,
      [sourceId, intoId],
    );
    await manager.query(
      `DELETE FROM task_assignments a USING task_assignments b
        WHERE a.department_id = $1 AND b.department_id = $2 AND a.task_id = b.task_id`,
      [sourceId, intoId],
    );
    await manager.query(`UPDATE task_assignments SET department_id = $2 WHERE department_id = $1`, [
      sourceId,
      intoId,
    ]);
    for (const table of WORK_TABLES) {
      await manager.query(`UPDATE ${table} SET department_id = $2 WHERE department_id = $1`, [
        sourceId,
        intoId,
      ]);
    }
    // Comments keep their text; a mention of the merged unit now names its successor.
    await manager.query(
      `UPDATE task_comments SET mention_ids = array_replace(mention_ids, $1::uuid, $2::uuid)
        WHERE $1::uuid = ANY(mention_ids)`,
      [sourceId, intoId],
    );
    const taskIds = moved.map((m) => m.task_id);
    // The tasks changed: an edit form opened before the merge must be refused (If-Match), not overwrite it.
    await manager.query(
      `UPDATE tasks SET version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`,
      [taskIds],
    );
    // An UPDATE … RETURNING answers [rows, affected] through TypeORM's postgres driver.
    const [movedUsers] = await manager.query<[{ id: string }[], number]>(
      `UPDATE users SET department_id = $2, updated_at = now() WHERE department_id = $1 RETURNING id::text AS id`,
      [sourceId, intoId],
    );
    const aliasesAdded = [...new Set([source.name, ...source.aliases])].filter(
      (n) => n !== target.name && !target.aliases.includes(n),
    );
    await manager.query(
      `UPDATE departments SET aliases = aliases || $2::text[], updated_at = now() WHERE id = $1`,
      [intoId, aliasesAdded],
    );
    await manager.query(
      `UPDATE departments SET successor_id = $2,
              valid_until = coalesce(valid_until, (now() AT TIME ZONE 'Asia/Shanghai')::date), updated_at = now()
        WHERE id = $1`,
      [sourceId, intoId],
    );
    const actor = await actorOf(manager, user);
    const from = { id: source.id, name: source.name };
    const into = { id: target.id, name: target.name };
    for (const m of moved) {
      await this.audit.record(manager, {
        taskId: m.task_id,
        actor,
        action: 'task.department_merged',
        detail: {
          from,
          into,
          role: m.role,
          // Where the successor was already assigned, its one row keeps the stronger role.
          shared: m.target_role !== null,
          roleAfter: m.role === 'lead' || m.target_role === 'lead' ? 'lead' : 'participant',
        },
      });
    }
    const result: MergeDepartmentResultDto = {
      merged: from,
      into,
      tasksMoved: moved.length,
      tasksShared: moved.filter((m) => m.target_role !== null).length,
      usersMoved: movedUsers.length,
    };
    await this.audit.record(manager, {
      taskId: null,
      actor,
      action: 'department.merged',
      detail: { ...result, aliasesAdded },
    });
    return { result, taskIds, userIds: movedUsers.map((u) => u.id) };
  }
}
