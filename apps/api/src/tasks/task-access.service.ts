import { roleAllows, type AssignmentRole, type TaskAction, type TaskActor } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { departmentAssignments } from './task-assignment.queries';
import { displayNameOf } from './task-people.queries';
import { TaskEntity } from './task.entity';
import { TaskActionForbiddenError, TaskNotFoundError, TaskVersionConflictError } from './task.errors';

export interface TaskForActor {
  task: TaskEntity;
  actor: TaskActor;
  /** Display name of the caller, for the audit trail. */
  actorName: string;
}

/**
 * Resolves a task for a caller: officers reach only tasks of their department (anything else is 404,
 * exactly as if it did not exist); supervisors and admins reach every task.
 */
@Injectable()
export class TaskAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Loads the task (locked FOR UPDATE when `manager` is a transaction) and the caller's relation to it. */
  async load(
    taskId: string,
    user: AuthUser,
    manager: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<TaskForActor> {
    const query = manager
      .getRepository(TaskEntity)
      .createQueryBuilder('t')
      .where('t.id = :taskId', { taskId });
    if (lock) query.setLock('pessimistic_write');
    // Sequential on purpose: inside a transaction all three share one connection.
    const task = await query.getOne();
    if (!task) throw new TaskNotFoundError(taskId);
    const { assignment, mainLead } = await this.assignmentOf(manager, taskId, user);
    if (user.role === 'officer' && assignment === null) throw new TaskNotFoundError(taskId);
    const actorName = await this.displayName(manager, user);
    return { task, actor: { role: user.role, assignment, mainLead }, actorName };
  }

  /** Like `load`, then requires the caller's role to permit `action` (403 otherwise). */
  async loadFor(
    action: TaskAction,
    taskId: string,
    user: AuthUser,
    manager: EntityManager,
    expectedVersion?: number,
  ): Promise<TaskForActor> {
    const found = await this.load(taskId, user, manager, true);
    if (!roleAllows(found.actor, action)) throw new TaskActionForbiddenError(action);
    if (expectedVersion !== undefined && expectedVersion !== found.task.version) {
      throw new TaskVersionConflictError(expectedVersion, found.task.version);
    }
    return found;
  }

  private async assignmentOf(
    manager: EntityManager,
    taskId: string,
    user: AuthUser,
  ): Promise<{ assignment: AssignmentRole | null; mainLead: boolean }> {
    if (!user.departmentId) return { assignment: null, mainLead: false };
    const rows = await departmentAssignments(manager, taskId, user.departmentId);
    if (rows.length === 0) return { assignment: null, mainLead: false };
    return {
      assignment: rows.some((row) => row.role === 'lead') ? 'lead' : 'participant',
      // Explicit false for a co-lead: roleActions treats a lead without the flag as the 主办.
      mainLead: rows.some((row) => row.role === 'lead' && row.is_main),
    };
  }

  private async displayName(manager: EntityManager, user: AuthUser): Promise<string> {
    return (await displayNameOf(manager, user.id)) ?? user.username;
  }
}
