import {
  deadlineFact,
  NOTIFICATION_CATEGORIES,
  shanghaiDate,
  type InboxTaskCardDto,
  type InboxTaskDto,
  type NotificationCategory,
  type PageDto,
  type TaskSummaryDto,
} from '@duban/domain';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import type { Clock } from '../infra/queue/clock';
import { InjectTaskClock } from '../tasks/clock';
import { TaskQueryService } from '../tasks/task-query.service';
import { INBOX_MESSAGES_SQL, inboxParameters, toNotificationDto, type InboxMessageRow } from './inbox-rows';
import type { InboxFilter } from './notification-inbox.service';

interface CardRow extends InboxMessageRow {
  group_key: string;
  messages: string;
  unread: string;
  categories: NotificationCategory[];
  total: string;
}

/**
 * The inbox as task cards: the user's messages grouped by task (a message without a task is a card of
 * its own), newest activity first, paged by card. The task's facts (document, deadline, status, light)
 * come from the tasks feature's reader, judged on the application clock.
 */
@Injectable()
export class InboxCardsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tasks: TaskQueryService,
    @InjectTaskClock() private readonly clock: Clock,
  ) {}

  async cards(userId: string, filter: InboxFilter): Promise<PageDto<InboxTaskCardDto>> {
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 20;
    const rows = await this.dataSource.query<CardRow[]>(
      `WITH m AS (${INBOX_MESSAGES_SQL}),
       g AS (
         SELECT group_key, max(created_at) AS latest_at, count(*) AS messages,
                count(*) FILTER (WHERE read_at IS NULL) AS unread,
                array_agg(DISTINCT category) AS categories,
                count(*) OVER () AS total
           FROM m GROUP BY group_key
          ORDER BY latest_at DESC, group_key
          LIMIT $5 OFFSET $6
       )
       SELECT g.group_key, g.messages, g.unread, g.categories, g.total, l.*
         FROM g CROSS JOIN LATERAL (
           SELECT m.id, m.task_id, m.rule, m.title, m.body, m.created_at, m.read_at
             FROM m WHERE m.group_key = g.group_key ORDER BY m.created_at DESC, m.id LIMIT 1
         ) l
        ORDER BY g.latest_at DESC, g.group_key`,
      [...inboxParameters(userId, filter), pageSize, (page - 1) * pageSize],
    );
    const summaries = new Map(
      (await this.tasks.summariesByIds(rows.flatMap((r) => (r.task_id ? [r.task_id] : [])))).map((t) => [
        t.id,
        t,
      ]),
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
      total: rows.length > 0 ? Number(rows[0].total) : page > 1 ? await this.countCards(userId, filter) : 0,
      page,
      pageSize,
    };
  }

  private async countCards(userId: string, filter: InboxFilter): Promise<number> {
    const [row] = await this.dataSource.query<{ n: string }[]>(
      `SELECT count(DISTINCT group_key) AS n FROM (${INBOX_MESSAGES_SQL}) m`,
      inboxParameters(userId, filter),
    );
    return Number(row.n);
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
