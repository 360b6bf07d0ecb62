import { RECURRENCE_LABELS } from '../api/desk';
import type { RecurrencePeriod } from '../extractor/types';
import { messageBody } from '../notifications/message-body';
import { daysBetween } from '../tasks/timing';
import type { ReminderRule } from './types';

export interface ReminderMessageInput {
  rule: ReminderRule;
  taskTitle: string;
  /** Deadline in force, or the day the progress report fell due ('YYYY-MM-DD'). */
  deadline: string;
  /** Calendar days from the deadline to the reminder's planned day (negative before); the fallback when today is not later. */
  dayOffset: number;
  /**
   * The local calendar day ('YYYY-MM-DD', Asia/Shanghai) the message is sent on. The days stated come
   * from it, not from the rule: an escalation planned at D+7 but sent years later says the real 逾期N天.
   */
  today: string;
  /** Who it is addressed to, e.g. 商务部 or 督查室. */
  recipientName: string;
  /** Lead departments, named in escalations. */
  leadNames: readonly string[];
  /** Absolute link to the task in the web app. */
  link: string;
  /** Milestone rules: the 阶段节点 phrase(s); `deadline` is then the step's date. */
  milestone?: string;
  /** Report rules of a recurring duty: its period (每季度…). */
  recurrence?: RecurrencePeriod;
}

export interface ReminderMessage {
  title: string;
  body: string;
}

/** '2026-03-20' → '2026年3月20日'. */
export function formatChineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Days from the deadline to the send day (negative before it); the planned offset when that day is unknown or earlier. */
function realOffset(input: ReminderMessageInput): number {
  const actual = daysBetween(input.deadline, input.today);
  if (Number.isNaN(actual)) return input.dayOffset;
  // A reminder ahead of the deadline counts down; one after it counts up. Either way only later than planned moves it.
  return actual > input.dayOffset ? actual : input.dayOffset;
}

/** The zh-CN title and body of a reminder, the same for the inbox, e-mail and webhooks. */
export function reminderMessage(input: ReminderMessageInput): ReminderMessage {
  const { taskTitle, recipientName, link } = input;
  const deadline = formatChineseDate(input.deadline);
  const offset = realOffset(input);
  // Sent late ahead of the deadline, on the day itself or after it: never "0天后" — the planned count stands.
  const days = input.dayOffset < 0 && offset >= 0 ? Math.abs(input.dayOffset) : Math.abs(offset);
  const leads = input.leadNames.length > 0 ? input.leadNames.join('、') : '（未指定）';
  let title: string;
  let lines: string[];
  switch (input.rule) {
    case 'deadline_approaching':
      title = `【督办提醒】${days === 1 ? '明天' : `${days}天后`}到期：${taskTitle}`;
      lines = [`任务“${taskTitle}”的完成时限为${deadline}，距到期还有${days}天，请抓紧推进并及时报送进展。`];
      break;
    case 'deadline_today':
      title = `【督办提醒】今天到期：${taskTitle}`;
      lines = [`任务“${taskTitle}”的完成时限为今天（${deadline}），请于今日内完成并提交。`];
      break;
    case 'overdue_urge':
      title = `【催办】已逾期${days}天：${taskTitle}`;
      lines = [`任务“${taskTitle}”的完成时限为${deadline}，现已逾期${days}天，请立即办理并说明情况。`];
      break;
    case 'overdue_escalation':
      title = `【逾期督办】逾期${days}天未完成：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”（牵头部门：${leads}）的完成时限为${deadline}，已逾期${days}天仍未完成，请督查室跟进督办。`,
      ];
      break;
    case 'report_requested':
      title = `【进展报送提醒】请于${deadline}前报送进展：${taskTitle}`;
      lines = [
        input.recurrence
          ? `任务“${taskTitle}”须${RECURRENCE_LABELS[input.recurrence]}报送进展，请于${deadline}前报送本期工作进展。`
          : `任务“${taskTitle}”为持续推进事项，请于${deadline}前报送最新工作进展。`,
      ];
      break;
    case 'milestone_approaching':
      title = `【阶段节点提醒】${days === 1 ? '明天' : `${days}天后`}到达阶段节点：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”的阶段节点“${input.milestone ?? ''}”时间为${deadline}，距今还有${days}天，请按节点要求推进并及时报送进展。`,
      ];
      break;
    case 'milestone_today':
      title = `【阶段节点提醒】今天到达阶段节点：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”的阶段节点“${input.milestone ?? ''}”时间为今天（${deadline}），请报送该节点的完成情况。`,
      ];
      break;
    case 'report_overdue_urge':
      title = `【催办】进展报送已逾期${days}天：${taskTitle}`;
      lines = [`任务“${taskTitle}”的进展报送时限为${deadline}，现已逾期${days}天，请尽快报送。`];
      break;
    case 'report_overdue_escalation':
      title = `【逾期督办】进展报送逾期${days}天：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”（牵头部门：${leads}）应于${deadline}前报送进展，已逾期${days}天仍未报送，请督查室跟进督办。`,
      ];
      break;
    case 'task.signoff_due':
      title = `【签收提醒】请于今日内签收：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”已交由本单位主办，签收时限为今天（${deadline}），请登录督办系统签收并指定承办人。`,
      ];
      break;
    case 'task.signoff_overdue':
      title = `【签收逾期】主办单位未按时签收：${taskTitle}`;
      lines = [
        `任务“${taskTitle}”（牵头部门：${leads}）应于${deadline}前签收，主办单位至今未签收，请督查室跟进。`,
      ];
      break;
  }
  return { title, body: messageBody(recipientName, lines, link) };
}
