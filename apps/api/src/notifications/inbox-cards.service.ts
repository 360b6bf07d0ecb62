import {
  deadlineFact,
  NOTIFICATION_CATEGORIES,
  shanghaiDate,
  type InboxTaskCardDto,
  type InboxTaskDto,
  type PageDto,
  type TaskSummaryDto,
} from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { TaskSummaryReader } from '../tasks/task-summary.reader';
import { InboxQueries, toNotificationDto, type InboxFilter } from './inbox.queries';

/**
 * The inbox as task cards: the user's messages grouped by task (a message without a task is a card of
 * its own), newest activity first, paged by card. The task's facts (document, deadline, status, light)
 * come from the tasks feature's reader, judged on the application clock.
 */
@Injectable()
export class InboxCardsService {
  constructor(
    private readonly queries: InboxQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tasks: TaskSummaryReader,
    private readonly clock: Clock,
  ) {}

  async cards(userId: string, filter: InboxFilter): Promise<PageDto<InboxTaskCardDto>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const rows = await this.queries.cards(userId, filter, pageSize, (page - 1) * pageSize);
    const summaries = new Map(
      (await this.tasks.byIds(rows.flatMap((r) => (r.task_id ? [r.task_id] : [])))).map((t) => [t.id, t]),
    );
    const today = shanghaiDate(this.clock.now());
    const items = rows.map((row): InboxTaskCardDto => {
      const summary = row.task_id ? summaries.get(row.task_id) : undefined;
      return {
        key: row.group_key,
        task: summary ? cardTask(summary, today) : null,
        latest: toNotificationDto({ ...row, task_title: summary?.title ?? null }, this.config.app.baseUrl),
        count: Number(row.messages),
        unread: Number(row.unread),
        categories: NOTIFICATION_CATEGORIES.filter((c) => row.categories.includes(c)),
      };
    });
    return {
      items,
      total:
        rows.length > 0
          ? Number(rows[0].total)
          : page > 1
            ? await this.queries.countCards(userId, filter)
            : 0,
      page,
      pageSize,
    };
  }
}

function cardTask(task: TaskSummaryDto, today: string): InboxTaskDto {
  return {
    id: task.id,
    title: task.title,
    document: { id: task.document.id, title: task.document.title },
    deadline: task.deadline,
    deadlineText: task.deadlineText,
    status: task.status,
    light: task.light,
    overdue: task.overdue,
    deadlineFact: deadlineFact(task.deadline, task.status, today)?.label ?? null,
  };
}
