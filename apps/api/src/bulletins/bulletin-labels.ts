import { formatRate, type BulletinDto } from '@duban/domain';

/** Column headings shared by the .docx and the PDF (one vocabulary, one order). */
export const DEPARTMENT_TABLE_HEADINGS = [
  '序号',
  '牵头单位',
  '任务数',
  '已办结',
  '按期办结',
  '逾期未办结',
  '退回次数',
  '平均逾期天数',
  '按期办结率',
] as const;

export const OVERDUE_TABLE_HEADINGS = ['序号', '任务', '牵头单位', '时限', '逾期天数', '最新进展'] as const;
export const RETURNED_TABLE_HEADINGS = ['序号', '任务', '牵头单位', '退回日期', '退回原因'] as const;
export const RANKING_TABLE_HEADINGS = ['名次', '单位', '按期办结率', '逾期率'] as const;

/** Long lists are cut in the documents (the web page and the task list have them all). */
export const LIST_LIMIT = 200;

export function departmentRows(bulletin: BulletinDto): string[][] {
  return bulletin.departments.map((row, index) => [
    String(index + 1),
    row.department,
    String(row.tasks),
    String(row.done),
    String(row.onTime),
    String(row.overdue),
    String(row.returns),
    row.averageOverdueDays.toFixed(1),
    formatRate(row.onTimeRate),
  ]);
}

/** A numbered list of tasks (cut at LIST_LIMIT): 序号, 任务, 牵头单位, then the list's own cells. */
function taskRows<T extends { title: string; leads: string }>(
  items: readonly T[],
  cells: (item: T) => string[],
): string[][] {
  return items
    .slice(0, LIST_LIMIT)
    .map((item, index) => [String(index + 1), item.title, item.leads, ...cells(item)]);
}

export function overdueRows(bulletin: BulletinDto): string[][] {
  return taskRows(bulletin.overdueItems, (item) => [
    item.deadline,
    String(item.overdueDays),
    item.lastProgress ? `${item.lastProgress.on}：${item.lastProgress.text}` : '暂无进展报告',
  ]);
}

export function returnedRows(bulletin: BulletinDto): string[][] {
  return taskRows(bulletin.returnedItems, (item) => [item.on, item.reason || '（未写原因）']);
}

export function rankingRows(bulletin: BulletinDto): string[][] {
  return bulletin.ranking.map((row) => [
    String(row.rank),
    row.department,
    formatRate(row.onTimeRate),
    formatRate(row.overdueRate),
  ]);
}

/** The opening paragraph: the period's figures in one sentence. */
export function summaryText(bulletin: BulletinDto): string {
  const t = bulletin.totals;
  const best = bulletin.best.length > 0 ? `按期办结率较高的单位：${bulletin.best.join('、')}；` : '';
  const worst = bulletin.worst.length > 0 ? `较低的单位：${bulletin.worst.join('、')}。` : '';
  return (
    `${bulletin.period.label}（${bulletin.period.from}至${bulletin.period.to}），督办范围：${bulletin.scopeLabel}。` +
    `纳入统计任务${t.tasks}项，本期办结${t.done}项，其中按期办结${t.onTime}项，` +
    `截至${bulletin.judgedOn}逾期未办结${t.overdue}项，退回${t.returns}次；` +
    `按期办结率${formatRate(t.onTimeRate)}，逾期率${formatRate(t.overdueRate)}。${best}${worst}`
  );
}

export function cutNote(total: number): string | null {
  return total > LIST_LIMIT ? `（仅列前${LIST_LIMIT}项，共${total}项，完整清单见督办系统任务列表。）` : null;
}

/** One numbered section of the documents: a heading, then its table (or `empty`, when given and no row), then `cut`. */
export interface BulletinSection {
  heading: string;
  headings: readonly string[];
  rows: string[][];
  /** Relative column widths. */
  widths: number[];
  /** Said instead of an empty table (null: the table is shown even without rows). */
  empty: string | null;
  cut: string | null;
}

/** The four sections both renderers lay out, in order, with the same columns and widths. */
export function bulletinSections(bulletin: BulletinDto): BulletinSection[] {
  return [
    {
      heading: '一、各单位办理情况',
      headings: DEPARTMENT_TABLE_HEADINGS,
      rows: departmentRows(bulletin),
      widths: [4, 14, 6, 6, 7, 8, 7, 9, 9],
      empty: null,
      cut: null,
    },
    {
      heading: '二、按期办结率排名',
      headings: RANKING_TABLE_HEADINGS,
      rows: rankingRows(bulletin),
      widths: [5, 20, 10, 10],
      empty: null,
      cut: null,
    },
    {
      heading: '三、逾期未办结事项',
      headings: OVERDUE_TABLE_HEADINGS,
      rows: overdueRows(bulletin),
      widths: [4, 24, 11, 9, 7, 25],
      empty: '本期无逾期未办结事项。',
      cut: cutNote(bulletin.overdueItems.length),
    },
    {
      heading: '四、退回事项',
      headings: RETURNED_TABLE_HEADINGS,
      rows: returnedRows(bulletin),
      widths: [4, 26, 12, 10, 28],
      empty: '本期无退回事项。',
      cut: cutNote(bulletin.returnedItems.length),
    },
  ];
}
