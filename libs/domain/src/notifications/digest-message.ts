import { chineseDate } from '../bulletins/bulletin-period';

export interface DigestTaskInput {
  title: string;
  /** Deadline in force ('YYYY-MM-DD') or null for a task without a date. */
  deadline: string | null;
  /** `逾期6天`, `剩余3天` (deadlineFact) or null. */
  deadlineFact: string | null;
  /** Absolute link to the task in the web app. */
  link: string;
  /** The held 催办 messages of this task, oldest first. */
  messages: readonly { title: string; sentAt: string }[];
}

export interface DigestMessageInput {
  recipientName: string;
  /** The digest's day ('YYYY-MM-DD', Asia/Shanghai). */
  date: string;
  tasks: readonly DigestTaskInput[];
}

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

/** 'M月D日 HH:MM' in Asia/Shanghai. */
function shanghaiTime(iso: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS).toISOString();
  return `${Number(local.slice(5, 7))}月${Number(local.slice(8, 10))}日 ${local.slice(11, 16)}`;
}

/**
 * The one e-mail a day that replaces a user's single 催办 e-mails: every task with its deadline, the
 * real days overdue or left, each 催办 it received and its link. Plain text, like the single e-mails.
 */
export function digestMessage(input: DigestMessageInput): { title: string; body: string } {
  const count = input.tasks.reduce((n, task) => n + task.messages.length, 0);
  const title = `【督办每日汇总】${chineseDate(input.date)}：${input.tasks.length}项任务，${count}条催办`;
  const blocks = input.tasks.map((task, index) => {
    const deadline = task.deadline
      ? `完成时限：${chineseDate(task.deadline)}${task.deadlineFact ? `（${task.deadlineFact}）` : ''}`
      : '完成时限：无固定时限';
    return [
      `${index + 1}. ${task.title}`,
      `   ${deadline}`,
      ...task.messages.map((m) => `   · ${shanghaiTime(m.sentAt)}\u3000${m.title}`),
      `   查看任务：${task.link}`,
    ].join('\n');
  });
  const body = [
    `${input.recipientName}：`,
    '',
    `自上次汇总以来，您有${count}条催办消息，涉及${input.tasks.length}项任务：`,
    '',
    blocks.join('\n\n'),
    '',
    '（本消息由督办系统自动发送，请勿直接回复。如需逐条接收，请在「个人设置」中修改。）',
  ].join('\n');
  return { title, body };
}
