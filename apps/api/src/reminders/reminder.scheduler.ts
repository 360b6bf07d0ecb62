import { expectedReminders, type ExpectedReminder } from '@duban/domain';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '../infra/queue/clock';
import { JobName, QueueName, type SendReminderJob } from '../infra/queue/queue.catalogue';
import { QueueService, type JobRequest } from '../infra/queue/queue.service';
import { existingNotificationKeys } from '../notifications/fanout.queries';
import { ReminderPolicyService, type ReminderPolicySource } from './reminder-policy.service';
import { ReminderTaskSource, type ReminderTask } from './reminder-task.source';

/** BullMQ refuses ':' in custom job ids; reminder keys use it, so the job id swaps it for '|'. */
export function reminderJobId(key: string): string {
  return key.replaceAll(':', '|');
}

/** A workflow request waits at most this long for rescheduling; the reconciler covers the rest. */
const SAFE_TIMEOUT_MS = 3_000;

export interface SyncResult {
  tasks: number;
  /** Reminder jobs submitted (new ones; existing ids are no-ops in BullMQ). */
  scheduled: number;
  /** Stale reminder jobs removed. */
  removed: number;
}

/**
 * Keeps the pending reminder jobs of a task equal to what its current state calls for.
 * Idempotent: recomputes from PostgreSQL, adds missing jobs (deterministic ids, so repeats are
 * no-ops), removes stale ones, and never re-adds a reminder that was already sent.
 * The job ids of each task are tracked in a Redis set so stale ones can be found without a scan.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    private readonly queues: QueueService,
    private readonly tasks: ReminderTaskSource,
    private readonly clock: Clock,
    @Inject(ReminderPolicyService) private readonly policies: ReminderPolicySource,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /**
   * Call after anything that changes a task's reminders: deadline change, granted extension,
   * reassignment, completion (or re-opening), progress report on a task without a date. Safe to call
   * more than once and after the transaction that made the change has committed.
   */
  async taskChanged(taskId: string): Promise<SyncResult> {
    const task = await this.tasks.load(taskId);
    if (!task) return this.syncMany([], [taskId]);
    return this.syncMany([task]);
  }

  /** Same as `taskChanged` for many tasks at once (the reconciler's and the benchmark's path). */
  async tasksChanged(taskIds: readonly string[]): Promise<SyncResult> {
    const found = await this.tasks.loadMany(taskIds);
    const missing = taskIds.filter((id) => !found.some((t) => t.id === id));
    return this.syncMany(found, missing);
  }

  /** What the given task calls for now, minus what was already sent. */
  async pendingFor(task: ReminderTask): Promise<ExpectedReminder[]> {
    const expected = expectedReminders(task, await this.policies.current(), this.clock.now());
    const sent = await this.sentKeys(expected.map((r) => r.key));
    return expected.filter((r) => !sent.has(r.key));
  }

  async syncMany(
    tasks: readonly ReminderTask[],
    deletedTaskIds: readonly string[] = [],
    options: { freshPolicy?: boolean } = {},
  ): Promise<SyncResult> {
    const policy = await this.policies.current({ fresh: options.freshPolicy });
    const now = this.clock.now();
    const wantedByTask = new Map<string, ExpectedReminder[]>();
    for (const task of tasks) wantedByTask.set(task.id, expectedReminders(task, policy, now));
    for (const id of deletedTaskIds) wantedByTask.set(id, []);

    const sent = await this.sentKeys([...wantedByTask.values()].flat().map((r) => r.key));
    const ids = [...wantedByTask.keys()];
    const redis = this.queues.redis;
    const existingReplies = await redis.pipeline(ids.map((id) => ['smembers', this.taskSetKey(id)])).exec();

    const jobs: JobRequest<JobName.SendReminder>[] = [];
    const stale: string[] = [];
    const setUpdate = redis.multi();
    ids.forEach((taskId, index) => {
      const wanted = (wantedByTask.get(taskId) ?? []).filter((r) => !sent.has(r.key));
      const wantedIds = new Set(wanted.map((r) => reminderJobId(r.key)));
      const reply = existingReplies?.[index]?.[1];
      const existing = Array.isArray(reply) ? (reply as string[]) : [];
      for (const jobId of existing) if (!wantedIds.has(jobId)) stale.push(jobId);
      const setKey = this.taskSetKey(taskId);
      setUpdate.del(setKey);
      if (wantedIds.size > 0) setUpdate.sadd(setKey, ...wantedIds);
      for (const reminder of wanted) {
        jobs.push({
          name: JobName.SendReminder,
          jobId: reminderJobId(reminder.key),
          delay: this.clock.realDelayUntil(Date.parse(reminder.dueAt)),
          payload: toJob(reminder),
        });
      }
    });

    let removed = 0;
    for (const jobId of stale) {
      // A job being processed cannot be removed; its handler re-checks the task and skips it.
      if (await this.queues.remove(QueueName.Reminders, jobId).catch(() => false)) removed += 1;
    }
    await setUpdate.exec();
    await this.queues.addBulk(jobs);
    return { tasks: ids.length, scheduled: jobs.length, removed };
  }

  /** Keys (of the given ones) that already have a notification row. */
  async sentKeys(keys: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    const CHUNK = 10_000;
    for (let i = 0; i < keys.length; i += CHUNK) {
      for (const key of await existingNotificationKeys(this.dataSource, keys.slice(i, i + CHUNK)))
        out.add(key);
    }
    return out;
  }

  /** Reminder job ids currently tracked for a task (for tests and diagnostics). */
  async trackedJobIds(taskId: string): Promise<string[]> {
    return (await this.queues.redis.smembers(this.taskSetKey(taskId))).sort();
  }

  private taskSetKey(taskId: string): string {
    return `${this.queues.prefix}:reminder-jobs:${taskId}`;
  }

  /** Logs instead of throwing: callers are task workflows whose own change already committed. */
  async taskChangedSafely(taskId: string): Promise<void> {
    try {
      await Promise.race([
        this.taskChanged(taskId),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timed out')), SAFE_TIMEOUT_MS).unref(),
        ),
      ]);
    } catch (error) {
      this.logger.error(
        `rescheduling reminders of task ${taskId} failed (the reconciler will catch up): ${String(error)}`,
      );
    }
  }
}

function toJob(reminder: ExpectedReminder): SendReminderJob {
  return {
    key: reminder.key,
    taskId: reminder.taskId,
    rule: reminder.rule,
    recipient: reminder.recipient,
    dueAt: reminder.dueAt,
    dueDate: reminder.dueDate,
    deadline: reminder.deadline,
  };
}
