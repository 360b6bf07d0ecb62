import { daysBetween, shanghaiDate } from '@duban/domain';
import {
  EXTENSION_STATUS_LABELS,
  LIGHT_LABELS,
  STATUS_LABELS,
  type ExtensionStatus,
  type TaskSummaryDto,
  type TrafficLight,
} from '@duban/domain/contract';
import ExcelJS from 'exceljs';

const LIGHT_FILLS: Readonly<Record<TrafficLight, string>> = {
  red: 'FFF4CCCC',
  yellow: 'FFFFF2CC',
  green: 'FFD9EAD3',
};

/** What the ledger shows beside each task's summary (read by the export service in one query each). */
export interface LedgerExtras {
  latestProgress: { at: string; text: string } | null;
  extensions: {
    requestedAt: string;
    from: string | null;
    to: string;
    status: ExtensionStatus;
  }[];
}

type CellValue = string | number | Date | null;

const yesNo = (value: boolean | null): string => (value === null ? '' : value ? '是' : '否');

/** A calendar date as an Excel date cell (a UTC midnight, so Excel shows that very day). */
const dateCell = (date: string | null): Date | null => (date ? new Date(`${date}T00:00:00Z`) : null);

/** An instant as an Excel date-time cell showing Asia/Shanghai wall time (Excel cells have no zone). */
export function shanghaiCell(iso: string | null): Date | null {
  return iso ? new Date(new Date(iso).getTime() + 8 * 3_600_000) : null;
}

/** 办结情况 in the screens' words. */
export function completionText(task: TaskSummaryDto): string {
  if (task.status === 'done') {
    if (task.completedOnTime === false) return '逾期办结';
    if (task.completedOnTime === true) return '按期办结';
    return '已办结';
  }
  if (task.status === 'submitted') return '已报办结，待审核';
  return '未办结';
}

const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

interface Column {
  header: string;
  width: number;
  numFmt?: string;
  value: (task: TaskSummaryDto, index: number, extras: LedgerExtras, today: string) => CellValue;
}

/** Column layout of the 督办台账: header, width, number format and how a task fills the cell. */
const COLUMNS: Column[] = [
  { header: '序号', width: 6, value: (_task, index) => index + 1 },
  { header: '文件', width: 36, value: (task) => task.document.title },
  { header: '文号', width: 18, value: (task) => task.document.docNumber ?? '' },
  { header: '任务', width: 60, value: (task) => task.title },
  { header: '牵头部门', width: 22, value: (task) => task.lead.map((d) => d.name).join('、') },
  { header: '参与部门', width: 30, value: (task) => task.participants.map((d) => d.name).join('、') },
  // A date cell when there is a date; the phrase (长期坚持 …) otherwise.
  {
    header: '完成时限',
    width: 12,
    numFmt: DATE,
    value: (task) => dateCell(task.deadline) ?? task.deadlineText ?? '',
  },
  { header: '原定时限', width: 12, numFmt: DATE, value: (task) => dateCell(task.originalDeadline) },
  { header: '状态', width: 12, value: (task) => STATUS_LABELS[task.status] ?? task.status },
  { header: '是否逾期', width: 9, value: (task) => yesNo(task.overdue) },
  {
    header: '逾期天数',
    width: 9,
    value: (task, _i, _e, today) =>
      task.overdue && task.deadline ? daysBetween(task.deadline, today) : null,
  },
  // The shared vocabulary (红灯·逾期 …), the same words the screens show.
  { header: '预警', width: 11, value: (task) => LIGHT_LABELS[task.light] },
  { header: '最近报告', width: 17, numFmt: DATE_TIME, value: (task) => shanghaiCell(task.lastReportAt) },
  {
    header: '最新进展',
    width: 40,
    value: (_task, _i, extras) =>
      extras.latestProgress
        ? `${shanghaiDate(new Date(extras.latestProgress.at))}：${extras.latestProgress.text}`
        : '',
  },
  { header: '办结情况', width: 14, value: (task) => completionText(task) },
  { header: '办结时间', width: 17, numFmt: DATE_TIME, value: (task) => shanghaiCell(task.completedAt) },
  { header: '按期办结', width: 9, value: (task) => yesNo(task.completedOnTime) },
  { header: '按原时限办结', width: 12, value: (task) => yesNo(task.completedOnTimeOriginal) },
  {
    header: '延期记录',
    width: 44,
    value: (_task, _i, extras) =>
      extras.extensions
        .map(
          (e) =>
            `${shanghaiDate(new Date(e.requestedAt))} 申请由${e.from ?? '无时限'}延至${e.to}（${EXTENSION_STATUS_LABELS[e.status]}）`,
        )
        .join('\n'),
  },
];

export const LEDGER_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);
const NO_EXTRAS: LedgerExtras = { latestProgress: null, extensions: [] };

/** Builds the 督办台账 workbook (one sheet, frozen header, red/yellow/green fill on the 预警 cell). */
export async function buildTaskLedger(
  tasks: TaskSummaryDto[],
  generatedAt: Date,
  extras: ReadonlyMap<string, LedgerExtras> = new Map(),
): Promise<Buffer> {
  const today = shanghaiDate(generatedAt);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header,
    width: column.width,
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  const lightColumn = COLUMNS.findIndex((column) => column.header === '预警') + 1;
  tasks.forEach((task, index) => {
    const own = extras.get(task.id) ?? NO_EXTRAS;
    const row = sheet.addRow(COLUMNS.map((column) => column.value(task, index, own, today)));
    row.alignment = { vertical: 'top', wrapText: true };
    row.getCell(lightColumn).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: LIGHT_FILLS[task.light] },
    };
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.from(data);
}
