import { deadlineFact, digestMessage, shanghaiDate, type DigestTaskInput } from '@duban/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { APP_CONFIG } from '../infra/config/config.module';
import { Clock } from '../infra/queue/clock';
import { QueueService } from '../infra/queue/queue.service';
import { TaskSummaryReader } from '../tasks/task-summary.reader';
import { deliveryJob } from './delivery-recovery.service';
import {
  abandonHeld,
  digestRecipient,
  insertDigest,
  lockHeld,
  usersWithHeldMail,
  type HeldRow,
} from './digest.queries';

export { DIGEST_RULE } from './digest.queries';

export interface DigestRun {
  date: string;
  /** Users who had held 催办 e-mails. */
  users: number;
  /** Digest e-mails created by this run (0 when another worker or an earlier run made today's). */
  digests: number;
}

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
    private readonly tasks: TaskSummaryReader,
    private readonly queues: QueueService,
    private readonly clock: Clock,
  ) {}

  async sendAll(): Promise<DigestRun> {
    const now = this.clock.now();
    const date = shanghaiDate(now);
    const users = await usersWithHeldMail(this.dataSource);
    let digests = 0;
    for (const userId of users) {
      const deliveryId = await this.digestFor(userId, date, now);
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
      const held = await lockHeld(manager, userId);
      if (held.length === 0) return null;
      const user = await digestRecipient(manager, userId);
      if (!user?.active) {
        await abandonHeld(
          manager,
          held.map((h) => h.id),
          'user deactivated',
        );
        return null;
      }
      const message = digestMessage({
        recipientName: user.display_name,
        date,
        tasks: await this.taskBlocks(held, date),
      });
      return insertDigest(manager, {
        key: `digest:${userId}:${date}`,
        userId,
        email: user.email,
        now,
        title: message.title,
        body: message.body,
        heldIds: held.map((h) => h.id),
      });
    });
  }

  /** One block per task, in the order its first 催办 arrived; facts read from the tasks feature. */
  private async taskBlocks(held: readonly HeldRow[], date: string): Promise<DigestTaskInput[]> {
    const ids = [...new Set(held.flatMap((h) => (h.task_id ? [h.task_id] : [])))];
    const summaries = new Map((await this.tasks.byIds(ids)).map((t) => [t.id, t]));
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
}
