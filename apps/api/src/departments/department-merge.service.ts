import type { MergeDepartmentResultDto } from '@duban/domain';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { moveEvidenceToDepartment } from '../evidence/evidence.queries';
import { ReminderScheduler } from '../reminders/reminder.scheduler';
import { bumpTaskVersions, moveAssignments, moveTaskWork } from '../tasks/task-department-moves.queries';
import { UsersService } from '../users/users.service';
import { moveDepartmentUsers } from '../users/users.queries';
import { actorOf } from './department-admin.service';
import { DepartmentEntity } from './department.entity';
import { DepartmentNotFoundError, mergeErrors } from './departments.errors';
import { appendAliases, lockDirectory, markMerged } from './departments.queries';

/** Tasks rescheduled per call after the commit. */
const RESCHEDULE_CHUNK = 500;

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

    const moved = await moveAssignments(manager, sourceId, intoId);
    await moveTaskWork(manager, sourceId, intoId);
    await moveEvidenceToDepartment(manager, sourceId, intoId);
    const taskIds = moved.map((m) => m.task_id);
    await bumpTaskVersions(manager, taskIds);
    const movedUsers = await moveDepartmentUsers(manager, sourceId, intoId);
    const aliasesAdded = [...new Set([source.name, ...source.aliases])].filter(
      (n) => n !== target.name && !target.aliases.includes(n),
    );
    await appendAliases(manager, intoId, aliasesAdded);
    await markMerged(manager, sourceId, intoId);
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
    return { result, taskIds, userIds: movedUsers };
  }
}
