import { shanghaiDate, type CreateTaskRequestDto, type TaskDetailDto } from '@duban/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth.decorators';
import { Clock } from '../infra/queue/clock';
import { ValidationError } from '../infra/http/domain-error';
import { TaskCreationService } from './task-creation.service';
import { TaskDetailReader } from './detail/task-detail.reader';
import { displayNameOf } from './task-people.queries';

/** A deadline further out than this is a typing error (2207 for 2027), not a plan. */
const MAX_YEARS_AHEAD = 10;

/** Refuses deadlines outside [2000-01-01, today + 10 years] and milestones after the deadline, in zh-CN. */
export function deadlineProblem(deadline: string | null | undefined, today: string): string | null {
  if (!deadline) return null;
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS_AHEAD}${today.slice(4)}`;
  if (deadline < '2000-01-01') return `完成时限 ${deadline} 早于 2000 年，请检查年份。`;
  if (deadline > latest) return `完成时限 ${deadline} 超过 ${MAX_YEARS_AHEAD} 年以后，请检查年份。`;
  return null;
}

/** 立项 by hand (POST /api/tasks): one task; its reminders are scheduled at once through the outbox. */
@Injectable()
export class TaskDeskService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly creation: TaskCreationService,
    private readonly details: TaskDetailReader,
    private readonly clock: Clock,
  ) {}

  async create(body: CreateTaskRequestDto, user: AuthUser): Promise<TaskDetailDto> {
    const deadline = body.deadline ?? null;
    const problem = deadlineProblem(deadline, shanghaiDate(this.clock.now()));
    if (problem)
      throw new ValidationError('TASK_INVALID_DEADLINE', problem, {
        fields: [{ field: 'deadline', reasons: [problem] }],
      });
    const late = (body.milestones ?? []).filter((m) => deadline !== null && m.date > deadline);
    if (late.length > 0) {
      throw new ValidationError(
        'TASK_MILESTONE_AFTER_DEADLINE',
        `阶段目标「${late[0].text}」的日期晚于完成时限 ${deadline}。`,
        {
          fields: [{ field: 'milestones', reasons: late.map((m) => `${m.date} 晚于完成时限`) }],
        },
      );
    }
    const [id] = await this.dataSource.transaction(async (manager) => {
      const actorName = (await displayNameOf(manager, user.id)) ?? user.username;
      return this.creation.create(
        manager,
        [
          {
            source: body.source,
            title: body.title,
            text: body.text,
            leadDepartmentIds: body.leadDepartmentIds,
            participantDepartmentIds: body.participantDepartmentIds ?? [],
            deadline,
            milestones: [...(body.milestones ?? [])].sort((a, b) => a.date.localeCompare(b.date)),
            recurrence: body.recurrence ?? null,
          },
        ],
        {
          actor: { id: user.id, name: actorName },
          origin: 'manual',
          enteredVia: '立项',
        },
      );
    });
    // Reminders start at once: the creation recorded a task event, which the worker drains on commit.
    return this.details.detail(id, user);
  }
}
