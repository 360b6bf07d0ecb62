import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AuthUser } from '../../../apps/api/src/auth/auth.decorators';
import { ConfigModule } from '../../../apps/api/src/infra/config/config.module';
import { ENTITIES } from '../../../apps/api/src/entities';
import { DatabaseModule } from '../../../apps/api/src/infra/database/database.module';
import { QueueModule } from '../../../apps/api/src/infra/queue/queue.module';
import { TasksModule } from '../../../apps/api/src/tasks/tasks.module';
import type { ReminderEnv, Seeded } from './reminder-env';

@Module({ imports: [ConfigModule, DatabaseModule.forRoot(ENTITIES), QueueModule, TasksModule] })
class TaskServicesModule {}

/** The API's task services in this process (the outbox is written by them, drained by the worker processes). */
export function taskServices(): Promise<INestApplicationContext> {
  return NestFactory.createApplicationContext(TaskServicesModule, {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
}

/** A signed-in user as the guards would hand it to a service. */
export async function authUser(env: ReminderEnv, seeded: Seeded, username: string): Promise<AuthUser> {
  const [row]: { role: AuthUser['role']; department_id: string | null }[] = await env.db.query(
    'SELECT role, department_id FROM users WHERE id = $1',
    [seeded.users[username]],
  );
  return {
    id: seeded.users[username],
    username,
    role: row.role,
    departmentId: row.department_id,
    sessionId: '00000000-0000-0000-0000-000000000000',
    mustChangePassword: false,
  };
}

export async function addOfficer(
  env: ReminderEnv,
  seeded: Seeded,
  username: string,
  department: string,
  prefs: { email?: boolean } = {},
): Promise<void> {
  const [row]: { id: string }[] = await env.db.query(
    `INSERT INTO users (username, display_name, password_hash, role, department_id, email)
     VALUES ($1, $4, 'x', 'officer', $2, $3) RETURNING id`,
    [username, seeded.departments[department], `${username}@test.local`, username],
  );
  seeded.users[username] = row.id;
  if (prefs.email === false) {
    await env.db.query(
      'INSERT INTO notification_preferences (user_id, inbox, email) VALUES ($1, true, false)',
      [row.id],
    );
  }
}

export async function count(env: ReminderEnv, sql: string, params: unknown[] = []): Promise<number> {
  const [row]: { n: string }[] = await env.db.query(sql, params);
  return Number(row.n);
}

/** Every outbox row processed and every e-mail delivery sent. */
export async function settled(env: ReminderEnv): Promise<boolean> {
  const open = await count(env, 'SELECT count(*) AS n FROM task_events WHERE processed_at IS NULL');
  const unsent = await count(
    env,
    `SELECT count(*) AS n FROM notification_deliveries WHERE channel <> 'inbox' AND status <> 'sent'`,
  );
  return open === 0 && unsent === 0;
}

export interface DeliveryRow {
  rule: string;
  username: string;
  channel: string;
  n: number;
}

/** Deliveries of task events (not reminders) per rule, user and channel. */
export async function eventDeliveries(env: ReminderEnv, taskId: string): Promise<DeliveryRow[]> {
  const rows: { rule: string; username: string; channel: string; n: string }[] = await env.db.query(
    `SELECT n.rule, u.username, d.channel, count(*) AS n
       FROM notification_deliveries d JOIN notifications n ON n.id = d.notification_id JOIN users u ON u.id = d.user_id
      WHERE n.task_id = $1 AND n.key LIKE 'event:%'
      GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [taskId],
  );
  return rows.map((r) => ({ ...r, n: Number(r.n) }));
}
