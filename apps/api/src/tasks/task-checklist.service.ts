import { isOpenStatus, type ChecklistItemDto, type TaskDetailDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth.decorators';
import { TaskEventOutbox } from '../events/task-event-outbox';
import { Clock } from '../infra/queue/clock';
import { TaskDetailReader } from './detail/task-detail.reader';
import { TaskAccessService } from './task-access.service';
import { TaskClosedError } from './task-edit.service';
import { updateTaskVersioned } from './task.repository';
import { ChecklistIndexInvalidError, ChecklistItemNotFoundError } from './task.errors';

/**
 * 工作清单: a labelled-field block's numbered items are one task (the unit that carries the responsibility)
 * and its items are ticked off here by whoever reports its progress (lead and participant departments),
 * while the task is open. Each tick bumps the version (If-Match / `version`), is audited in the 办理记录
 * with the item's text, and goes through the outbox like every task change.
 */
@Injectable()
export class TaskChecklistService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TaskAccessService,
    private readonly audit: AuditService,
    private readonly details: TaskDetailReader,
    private readonly outbox: TaskEventOutbox,
    private readonly clock: Clock,
  ) {}

  async tick(
    taskId: string,
    index: number,
    done: boolean,
    user: AuthUser,
    version?: number,
  ): Promise<TaskDetailDto> {
    if (!Number.isInteger(index) || index < 0) throw new ChecklistIndexInvalidError();
    await this.dataSource.transaction(async (manager) => {
      const found = await this.access.loadFor('report_progress', taskId, user, manager, version);
      const items = found.task.checklist;
      const item = items[index] as ChecklistItemDto | undefined;
      if (!item) throw new ChecklistItemNotFoundError(index, items.length);
      if (!isOpenStatus(found.task.status)) throw new TaskClosedError(found.task.status);
      // Ticking what is already ticked changes nothing (a retried request is not a second change).
      if (item.done === done) return;
      const next = items.map((it, i) =>
        i === index
          ? {
              ...it,
              done,
              doneAt: done ? this.clock.now().toISOString() : null,
              doneBy: done ? found.actorName : null,
            }
          : it,
      );
      // jsonb from its text form (the column's type decides how PostgreSQL reads the parameter).
      await updateTaskVersioned(manager, found.task, { checklist: JSON.stringify(next) });
      await this.audit.record(manager, {
        taskId,
        actor: { id: user.id, name: found.actorName },
        action: 'task.checklist_ticked',
        detail: { index, item: item.text, done },
      });
      await this.outbox.record(manager, {
        taskId,
        kind: 'task.changed',
        actor: { id: user.id, name: found.actorName },
      });
    });
    return this.details.detail(taskId, user);
  }
}
