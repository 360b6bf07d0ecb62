import { ACTION_LABELS } from '../api/labels';
import { formatChineseDate } from '../reminders/messages';
import { messageBody } from './message-body';

/**
 * Every task event with its own recipient rule. The names are fixed: the API's recipient rules, the
 * inbox's filters and other features refer to them. `task.changed` and `task.progress` only reschedule
 * reminders; a notice (`TaskEventNotifier`) carries its own rule (e.g. `task.deadline_edited`).
 */
export const TASK_EVENT_KINDS = [
  'task.assigned',
  'task.changed',
  'task.progress',
  'report.participant',
  'task.submitted',
  'task.returned',
  'task.approved',
  'extension.requested',
  'extension.granted',
  'extension.refused',
  'comment.created',
  'comment.mention',
] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** zh-CN name of each event that notifies someone, as the inbox shows its kind. */
export const TASK_EVENT_LABELS: Readonly<Record<TaskEventKind, string>> = {
  'task.assigned': '新任务',
  'task.changed': '任务调整',
  'task.progress': '进展报送',
  'report.participant': '配合意见',
  'task.submitted': '待审核',
  'task.returned': ACTION_LABELS.return,
  'task.approved': ACTION_LABELS.approve,
  'extension.requested': ACTION_LABELS.request_extension,
  'extension.granted': ACTION_LABELS.grant_extension,
  'extension.refused': ACTION_LABELS.refuse_extension,
  'comment.created': '督办意见',
  'comment.mention': '提及本单位',
};

/** The facts a task event's message states; what an event does not have stays undefined. */
export interface TaskEventFacts {
  kind: TaskEventKind;
  taskTitle: string;
  /** Title of the source document (文件), when known. */
  documentTitle?: string | null;
  /** Deadline in force ('YYYY-MM-DD'), null for a task without a date. */
  deadline?: string | null;
  /** Who caused it (a person or a department). */
  actorName?: string | null;
  /** The department that reported / asked (a participant's report, an extension request). */
  departmentName?: string | null;
  /** Lead departments of the task. */
  leadNames?: readonly string[];
  /** 退回 / 延期 reason or the supervisor's comment. */
  reason?: string | null;
  /** A progress report's or a submission's text. */
  text?: string | null;
  /** Extension: the deadline before, and the one asked for. */
  previousDeadline?: string | null;
  requestedDeadline?: string | null;
  /** Who it is addressed to, e.g. 商务部 or 督查室. */
  recipientName: string;
  /** Absolute link to the task (APP_BASE_URL). */
  link: string;
}

export interface TaskEventMessage {
  title: string;
  body: string;
}

const EXCERPT = 300;

function excerpt(text: string): string {
  const t = text.trim();
  return t.length > EXCERPT ? `${t.slice(0, EXCERPT - 1)}…` : t;
}

function date(value: string | null | undefined): string {
  return value ? formatChineseDate(value) : '无固定时限';
}

function bracket(kind: TaskEventKind): string {
  return `【${TASK_EVENT_LABELS[kind]}】`;
}

/** The zh-CN title and body of a task event, the same for the inbox, e-mail and webhooks. */
export function taskEventMessage(f: TaskEventFacts): TaskEventMessage {
  const task = `“${f.taskTitle}”`;
  const leads = f.leadNames && f.leadNames.length > 0 ? f.leadNames.join('、') : '（未指定）';
  const who = f.departmentName ?? f.actorName ?? '有关单位';
  let title: string;
  const lines: string[] = [];
  switch (f.kind) {
    case 'task.assigned':
      title = `${bracket(f.kind)}${f.taskTitle}`;
      lines.push(
        f.deadline
          ? `督查室已将任务${task}交由本单位牵头办理，完成时限为${date(f.deadline)}，请及时签收并组织落实。`
          : `督查室已将任务${task}交由本单位牵头办理（持续推进事项，请定期报送进展），请及时签收并组织落实。`,
      );
      break;
    case 'task.changed':
    case 'task.progress':
      title = `${bracket(f.kind)}${f.taskTitle}`;
      lines.push(`任务${task}有更新。`);
      break;
    case 'report.participant':
      title = `${bracket(f.kind)}${who}报送了进展：${f.taskTitle}`;
      lines.push(`参与单位${who}报送了任务${task}的配合意见：`, excerpt(f.text ?? ''));
      break;
    case 'task.submitted':
      title = `${bracket(f.kind)}${leads}${ACTION_LABELS.submit}：${f.taskTitle}`;
      lines.push(`${who}已提交任务${task}的办结申请，请督查室审核。`);
      if (f.text) lines.push(`办结说明：${excerpt(f.text)}`);
      break;
    case 'task.returned':
      title = `${bracket(f.kind)}办结申请被退回：${f.taskTitle}`;
      lines.push(`督查室退回了任务${task}的办结申请。`, `退回理由：${f.reason ?? '（未说明）'}`);
      lines.push('请按要求补充完善后重新提交。');
      break;
    case 'task.approved':
      title = `${bracket(f.kind)}已办结：${f.taskTitle}`;
      lines.push(`督查室已审核通过任务${task}，任务已办结。`);
      if (f.reason) lines.push(`审核意见：${f.reason}`);
      break;
    case 'extension.requested':
      title = `${bracket(f.kind)}${who}申请延期：${f.taskTitle}`;
      lines.push(
        `${who}申请将任务${task}的完成时限由${date(f.previousDeadline)}延至${date(f.requestedDeadline)}，请督查室审批。`,
        `申请理由：${f.reason ?? '（未说明）'}`,
      );
      break;
    case 'extension.granted':
      title = `${bracket(f.kind)}完成时限延至${date(f.requestedDeadline)}：${f.taskTitle}`;
      lines.push(
        `督查室同意将任务${task}的完成时限由${date(f.previousDeadline)}延至${date(f.requestedDeadline)}。`,
      );
      if (f.reason) lines.push(`审批意见：${f.reason}`);
      break;
    case 'extension.refused':
      title = `${bracket(f.kind)}${f.taskTitle}`;
      lines.push(
        `督查室不同意任务${task}延期至${date(f.requestedDeadline)}，完成时限仍为${date(f.previousDeadline)}。`,
        `理由：${f.reason ?? '（未说明）'}`,
      );
      break;
    case 'comment.created':
    case 'comment.mention':
      title = `${bracket(f.kind)}${f.taskTitle}`;
      lines.push(`${who}：${excerpt(f.text ?? '')}`);
      break;
  }
  if (f.documentTitle) lines.push(`来源文件：${f.documentTitle}`);
  return { title, body: messageBody(f.recipientName, lines, f.link) };
}
