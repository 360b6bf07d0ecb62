import { randomUUID } from 'node:crypto';
import type { NotificationDto, PageDto } from '@duban/domain';
import ExcelJS from 'exceljs';
import { TaskEventRelay } from '../../../apps/api/src/events/task-event-relay';
import { ReminderScheduler } from '../../../apps/api/src/reminders/reminder.scheduler';
import type { HttpResult, SeededUser, WorkflowEnv } from './workflow-env';

/**
 * Drains the task-event outbox at once, as a worker does on commit (these HTTP tests run no worker):
 * notices and rescheduling happen there, not in the request.
 */
export async function drainEvents(env: WorkflowEnv): Promise<void> {
  await env.app.get(TaskEventRelay, { strict: false }).drainAll();
}

/** The reminder jobs tracked for a task (what the scheduler has queued for it now, once the outbox is drained). */
export async function reminderJobs(env: WorkflowEnv, taskId: string): Promise<string[]> {
  await drainEvents(env);
  return env.app.get(ReminderScheduler, { strict: false }).trackedJobIds(taskId);
}

/** The caller's inbox, newest first (once the outbox is drained). */
export async function inbox(env: WorkflowEnv, as: SeededUser): Promise<NotificationDto[]> {
  await drainEvents(env);
  const res = await env.http<PageDto<NotificationDto>>('GET', '/api/notifications', {
    as,
    query: { pageSize: '100' },
  });
  if (res.status !== 200) throw new Error(`inbox: ${res.status}`);
  return res.body.items;
}

/** Uploads a 台账 to POST /api/intake as multipart (field `file`). */
export function uploadLedger<T>(
  env: WorkflowEnv,
  fileName: string,
  content: Buffer,
  as: SeededUser | null,
): Promise<HttpResult<T>> {
  const boundary = `----duban${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return env.http<T>('POST', '/api/intake', {
    as,
    payload,
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  });
}

export const LEDGER_HEADER = [
  '序号',
  '任务内容',
  '来源类型',
  '来源名称',
  '文号/批示',
  '牵头单位',
  '配合单位',
  '完成时限',
  '备注',
];

/** A 台账 workbook built the way a 督查室 fills the template. */
export async function ledgerWorkbook(rows: (string | number | Date | null)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督办台账');
  sheet.addRow(LEDGER_HEADER);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
