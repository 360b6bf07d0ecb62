import { deadlineFact, digestMessage, shanghaiDate, type DigestTaskInput } from '@duban/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { QueueService } from '../infra/queue/queue.service';
import { TaskQueryService } from '../tasks/task-query.service';
import { deliveryJob } from './delivery-recovery.service';

interface HeldRow {
  id: string;
  task_id: string | null;
  title: string;
  sent_at: Date;
}

export interface DigestRun {
  date: string;
  /** Users who had held 催办 e-mails. */
  users: number;
  /** Digest e-mails created by this run (0 when another worker or an earlier run made today's). */
  digests: number;
}

/** The digest's rule on its notification row: category `other`, so the digest itself is never held. */
export const DIGEST_RULE = 'digest.daily';

/**
 * The daily digest: each user's `held` 催办 e-mails (DeliveryService holds them for users who chose
 * `daily`) become ONE e-mail, written as a notification keyed `digest:<user>:<date>` with one e-mail
 * delivery row, sent by the ordinary delivery job (retries, Message-ID, 重新发送 included). The key
 * makes it once per user and day whatever runs it: two workers, a retry, a manual run. Rows held after
 * the day's digest was made wait for the next one.
 */
@Injectable()
export class DigestService {
  private readonly logger = new Logger('Digest');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tasks: TaskQueryService,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async sendAll(): Promise<DigestRun> {
    const now = this.clock.now();
    const date = shanghaiDate(now);
    const users = await this.dataSource.query<{ user_id: string }[]>(
      `SELECT DISTINCT user_id FROM notification_deliveries
        WHERE status = 'held' AND channel = 'email' AND user_id IS NOT NULL`,
    );
    let digests = 0;
    for (const { user_id } of users) {
      const deliveryId = await this.digestFor(user_id, date, now);
      if (!deliveryId) continue;
      digests += 1;
      // After commit: if this process dies first, the reconciler re-enqueues the pending row.
      await this.queues.add(deliveryJob('email', deliveryId));
    }
    if (digests > 0) this.logger.log(`${digests} daily digest(s) for ${date}`);
    return { date, users: users.length, digests };
  }

  /** Creates the user's digest for `date` from their held rows; null when there is nothing to do. */
  private digestFor(userId: string, date: string, now: Date): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      // Locks the rows: a second worker waits here, then finds them `digested` and does nothing.
      const held = await manager.query<HeldRow[]>(
        `SELECT d.id, n.task_id, n.title, n.sent_at
           FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id
          WHERE d.user_id = $1 AND d.status = 'held' AND d.channel = 'email'
          ORDER BY n.sent_at, d.id
          FOR UPDATE OF d`,
        [userId],
      );
      if (held.length === 0) return null;
      const [user] = await manager.query<{ display_name: string; email: string | null; active: boolean }[]>(
        'SELECT display_name, email, active FROM users WHERE id = $1',
        [userId],
      );
      if (!user?.active) return this.abandon(manager, held, 'user deactivated');
      const message = digestMessage({
        recipientName: user.display_name,
        date,
        tasks: await this.taskBlocks(held, date),
      });
      const key = `digest:${userId}:${date}`;
      const [notification] = await manager.query<{ id: string }[]>(
        `INSERT INTO notifications (key, task_id, rule, recipient_kind, department_id, due_at, sent_at, title, body)
         VALUES ($1, NULL, $2, 'user', NULL, $3, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT "UQ_notifications_key" DO NOTHING RETURNING id`,
        [key, DIGEST_RULE, now, message.title, message.body],
      );
      if (!notification) return null;
      const [delivery] = await manager.query<{ id: string }[]>(
        `INSERT INTO notification_deliveries (notification_id, channel, dedupe_key, user_id, target, status)
         VALUES ($1, 'email', $2, $3, $4, 'pending') RETURNING id`,
        [notification.id, `${key}:email:${userId}`, userId, user.email],
      );
      await manager.query(
        `UPDATE notification_deliveries SET status = 'digested', digest_delivery_id = $2
          WHERE id = ANY($1::uuid[]) AND status = 'held'`,
        [held.map((h) => h.id), delivery.id],
      );
      return delivery.id;
    });
  }

  /** One block per task, in the order its first 催办 arrived; facts read from the tasks feature. */
  private async taskBlocks(held: readonly HeldRow[], date: string): Promise<DigestTaskInput[]> {
    const ids = [...new Set(held.flatMap((h) => (h.task_id ? [h.task_id] : [])))];
    const summaries = new Map((await this.tasks.summariesByIds(ids)).map((t) => [t.id, t]));
    const base = this.config.app.baseUrl.replace(/\/+$/, '');
    const blocks = new Map<string, DigestTaskInput & { messages: { title: string; sentAt: string }[] }>();
    for (const row of held) {
      const task = row.task_id ? summaries.get(row.task_id) : undefined;
      const blockKey = task?.id ?? `none:${row.id}`;
      let block = blocks.get(blockKey);
      if (!block) {
        block = {
          title: task?.title ?? row.title,
          deadline: task?.deadline ?? null,
          deadlineFact: task ? (deadlineFact(task.deadline, task.status, date)?.label ?? null) : null,
          link: task ? `${base}/tasks/${task.id}` : `${base}/inbox`,
          messages: [],
        };
        blocks.set(blockKey, block);
      }
      block.messages.push({ title: row.title, sentAt: row.sent_at.toISOString() });
    }
    return [...blocks.values()];
  }

  private async abandon(manager: EntityManager, held: readonly HeldRow[], reason: string): Promise<null> {
    await manager.query(
      `UPDATE notification_deliveries SET status = 'abandoned', last_error = $2 WHERE id = ANY($1::uuid[])`,
      [held.map((h) => h.id), reason],
    );
    return null;
  }
}
