import type { TaskStatus } from '../api/task-vocabulary';
import { isClosedStatus } from '../tasks/status';
import { daysBetween } from '../tasks/timing';

const URL_PATTERN = /https?:\/\/[^\s，。；）)]+/g;
/** A clause that only introduces a link: `查看任务：http://…`, `查看与下载（Word / PDF）：http://…`. */
const LINK_CLAUSE = /[^。；！\n]*[：:]\s*https?:\/\/[^\s，。；）)]+[。]?/g;
const FOOTER = /^（本消息由督办系统自动发送，请勿直接回复。）$/;
/** `商务部：`, `督查室：` — the e-mail's salutation, pointless in one's own inbox. */
const SALUTATION = /^[^\s，。；：:]{1,40}[：:]$/;

/**
 * A notification body as the inbox shows it: the e-mail's salutation, link lines and automatic
 * footer dropped (the card itself links to the task), blank lines collapsed. What remains is the
 * message's facts.
 */
export function inboxText(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const firstText = lines.findIndex((line) => line.trim() !== '');
  const kept = lines
    .filter((line, index) => !(index === firstText && SALUTATION.test(line.trim())))
    .filter((line) => !FOOTER.test(line.trim()))
    .map((line) => line.replace(LINK_CLAUSE, '').replace(URL_PATTERN, '').trimEnd());
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * The in-app path of the first link in a body that points into the app (`APP_BASE_URL/bulletins?period=…`
 * → `/bulletins?period=…`), so a card can route inside the app instead of showing the raw address.
 * Null when the body links nowhere in the app.
 */
export function inAppPath(body: string, baseUrl: string): string | null {
  const base = baseUrl.replace(/\/+$/, '');
  for (const match of body.match(URL_PATTERN) ?? []) {
    if (match === base || match.startsWith(`${base}/`) || match.startsWith(`${base}?`)) {
      const path = match.slice(base.length);
      return path.startsWith('/') ? path : `/${path}`;
    }
  }
  return null;
}

export interface DeadlineFact {
  kind: 'overdue' | 'today' | 'left';
  /** Calendar days overdue or left (0 for today). */
  days: number;
  /** `逾期6天`, `今天到期`, `剩余3天`. */
  label: string;
}

/**
 * The deadline in days, judged on `today` (Shanghai calendar, 'YYYY-MM-DD'): the fact a card states
 * beside the date. Null for a task without a date or one that is closed (已办结, 已终止).
 */
export function deadlineFact(
  deadline: string | null,
  status: TaskStatus,
  today: string,
): DeadlineFact | null {
  if (deadline === null || isClosedStatus(status)) return null;
  const left = daysBetween(today, deadline);
  if (left < 0) return { kind: 'overdue', days: -left, label: `逾期${-left}天` };
  if (left === 0) return { kind: 'today', days: 0, label: '今天到期' };
  return { kind: 'left', days: left, label: `剩余${left}天` };
}
