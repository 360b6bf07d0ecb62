import type { BulletinDepartmentRowDto, BulletinDto } from '../api/stats';
import { onTimeRate, overdueRate } from '../stats/rates';
import { daysBetween } from '../tasks/timing';
import { chineseDate, type BulletinPeriod } from './bulletin-period';

/** One task as the bulletin needs it (the API reads these; the model only counts). */
export interface BulletinTaskInput {
  id: string;
  title: string;
  documentTitle: string | null;
  /** Lead departments: the table counts a task once for each (usually one). */
  leads: { id: string; name: string }[];
  status: string;
  /** Deadline in force, 'YYYY-MM-DD'. */
  deadline: string | null;
  /** Shanghai dates. */
  createdOn: string;
  completedOn: string | null;
  completedOnTime: boolean | null;
  lastProgress: { on: string; text: string } | null;
  /** Every return (退回) of the task, with its reason. */
  returns: { on: string; reason: string }[];
}

export interface BulletinInput {
  period: BulletinPeriod;
  /** '全部任务', a document's title, or the departments' names. */
  scopeLabel: string;
  /** Shanghai date of generation; a period not yet over is judged as of this day. */
  today: string;
  issuer: string;
  tasks: BulletinTaskInput[];
}

const QUARTERS = ['一', '二', '三', '四'];
/** Two ideographic spaces, as between the parts of an official header line. */
const HEADER_GAP = '\u3000\u3000';

/** The 文号-style serial: 〔2026〕第11期, 〔2026〕第四季度, 〔2026〕专期 for a custom range. */
function serial(period: BulletinPeriod): string {
  const year = period.from.slice(0, 4);
  const month = Number(period.from.slice(5, 7));
  if (period.kind === 'month') return `〔${year}〕第${month}期`;
  if (period.kind === 'quarter') return `〔${year}〕第${QUARTERS[Math.floor((month - 1) / 3)]}季度`;
  return `〔${year}〕专期`;
}

const nextDay = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
};

/**
 * The 督查通报 figures, pure. Definitions (also in apps/api/src/bulletins/README.md):
 * - judged at C = the day after the period (or today, while the period runs): a task counts when
 *   created by the period's last day (or today) and not done before the period began, 已终止 never;
 * - 已办结 = done within the period; 按期办结 = of those, on time (or without a deadline);
 * - 逾期未办结 = not done by that day with a deadline before C (a deadline of today is not late yet); 逾期天数 = C − deadline (days from the
 *   deadline day to C); 平均逾期天数 over the 逾期未办结 tasks;
 * - 退回次数 = returns within the period; 按期办结率 = 按期办结 / (已办结 + 逾期未办结);
 * - ranking: departments with something due, by 按期办结率 (desc), then 逾期率 (asc), then name.
 */
export function buildBulletin(input: BulletinInput): BulletinDto {
  const { period } = input;
  // The last day looked at (the period's, or today while it runs) and the day it is judged at.
  const lastDay = input.today <= period.to ? input.today : period.to;
  const cutoff = input.today <= period.to ? input.today : nextDay(period.to);
  const inPeriod = (date: string) => date >= period.from && date <= period.to;
  const counted = input.tasks.filter(
    (t) =>
      t.status !== 'terminated' &&
      t.createdOn <= lastDay &&
      !(t.completedOn !== null && t.completedOn < period.from),
  );
  const doneInPeriod = (t: BulletinTaskInput) => t.completedOn !== null && inPeriod(t.completedOn);
  const overdueAtCutoff = (t: BulletinTaskInput) =>
    (t.completedOn === null || t.completedOn > lastDay) && t.deadline !== null && t.deadline < cutoff;
  const overdueDays = (t: BulletinTaskInput) => daysBetween(t.deadline ?? cutoff, cutoff);

  const rows = new Map<string, BulletinDepartmentRowDto & { overdueDaysSum: number }>();
  for (const task of counted) {
    for (const lead of task.leads) {
      const row = rows.get(lead.id) ?? {
        departmentId: lead.id,
        department: lead.name,
        tasks: 0,
        done: 0,
        onTime: 0,
        overdue: 0,
        returns: 0,
        averageOverdueDays: 0,
        onTimeRate: 0,
        overdueRate: 0,
        overdueDaysSum: 0,
      };
      row.tasks += 1;
      if (doneInPeriod(task)) {
        row.done += 1;
        if (task.completedOnTime !== false) row.onTime += 1;
      }
      if (overdueAtCutoff(task)) {
        row.overdue += 1;
        row.overdueDaysSum += overdueDays(task);
      }
      row.returns += task.returns.filter((r) => inPeriod(r.on)).length;
      rows.set(lead.id, row);
    }
  }
  const departments: BulletinDepartmentRowDto[] = [...rows.values()]
    .map(({ overdueDaysSum, ...row }) => {
      const rates = { total: row.tasks, done: row.done, onTime: row.onTime, overdue: row.overdue };
      return {
        ...row,
        averageOverdueDays: row.overdue === 0 ? 0 : Math.round((overdueDaysSum / row.overdue) * 10) / 10,
        onTimeRate: onTimeRate(rates),
        overdueRate: overdueRate(rates),
      };
    })
    .sort((a, b) => b.tasks - a.tasks || a.department.localeCompare(b.department, 'zh-CN'));

  const ranked = departments
    .filter((row) => row.done + row.overdue > 0)
    .sort(
      (a, b) =>
        b.onTimeRate - a.onTimeRate ||
        a.overdueRate - b.overdueRate ||
        a.department.localeCompare(b.department, 'zh-CN'),
    );
  const rankSize = Math.min(3, Math.floor(ranked.length / 2));

  const doneTasks = counted.filter(doneInPeriod);
  const overdueTasks = counted.filter(overdueAtCutoff);
  const totals = {
    tasks: counted.length,
    done: doneTasks.length,
    onTime: doneTasks.filter((t) => t.completedOnTime !== false).length,
    overdue: overdueTasks.length,
    returns: counted.reduce((sum, t) => sum + t.returns.filter((r) => inPeriod(r.on)).length, 0),
  };
  return {
    title: `督查通报（${period.label}）`,
    headerLine: [input.issuer, serial(period), chineseDate(input.today)].join(HEADER_GAP),
    issuer: input.issuer,
    period: { kind: period.kind, key: period.key, from: period.from, to: period.to, label: period.label },
    scopeLabel: input.scopeLabel,
    judgedOn: cutoff,
    generatedOn: input.today,
    totals: {
      ...totals,
      onTimeRate: onTimeRate({ total: totals.tasks, ...totals }),
      overdueRate: overdueRate({ total: totals.tasks, ...totals }),
    },
    departments,
    ranking: ranked.map((row, index) => ({
      rank: index + 1,
      department: row.department,
      onTimeRate: row.onTimeRate,
      overdueRate: row.overdueRate,
    })),
    best: ranked.slice(0, rankSize).map((row) => row.department),
    worst: ranked
      .slice(ranked.length - rankSize)
      .reverse()
      .map((row) => row.department),
    overdueItems: overdueTasks
      .map((t) => ({
        taskId: t.id,
        title: t.title,
        document: t.documentTitle,
        leads: t.leads.map((l) => l.name).join('、'),
        deadline: t.deadline ?? '',
        overdueDays: overdueDays(t),
        lastProgress: t.lastProgress,
      }))
      .sort((a, b) => b.overdueDays - a.overdueDays || a.title.localeCompare(b.title, 'zh-CN')),
    returnedItems: counted
      .flatMap((t) =>
        t.returns
          .filter((r) => inPeriod(r.on))
          .map((r) => ({
            taskId: t.id,
            title: t.title,
            leads: t.leads.map((l) => l.name).join('、'),
            on: r.on,
            reason: r.reason,
          })),
      )
      .sort((a, b) => a.on.localeCompare(b.on) || a.title.localeCompare(b.title, 'zh-CN')),
  };
}
