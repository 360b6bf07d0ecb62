import { LIGHT_LABELS, TASK_STATUS_LABELS, type TaskSummaryDto, type TrafficLight } from '@duban/domain';
import ExcelJS from 'exceljs';

const LIGHT_FILLS: Readonly<Record<TrafficLight, string>> = {
  red: 'FFF4CCCC',
  yellow: 'FFFFF2CC',
  green: 'FFD9EAD3',
};

const yesNo = (value: boolean | null): string => (value === null ? '' : value ? '是' : '否');

/** Column layout of the 督办台账: header, width, and how a task fills the cell. */
const COLUMNS: {
  header: string;
  width: number;
  value: (task: TaskSummaryDto, index: number) => string | number;
}[] = [
  { header: '序号', width: 6, value: (_task, index) => index + 1 },
  { header: '文件', width: 36, value: (task) => task.document.title },
  { header: '文号', width: 18, value: (task) => task.document.docNumber ?? '' },
  { header: '任务', width: 60, value: (task) => task.title },
  { header: '牵头部门', width: 22, value: (task) => task.lead.map((d) => d.name).join('、') },
  { header: '参与部门', width: 30, value: (task) => task.participants.map((d) => d.name).join('、') },
  { header: '完成时限', width: 12, value: (task) => task.deadline ?? task.deadlineText ?? '' },
  { header: '原定时限', width: 12, value: (task) => task.originalDeadline ?? '' },
  { header: '状态', width: 10, value: (task) => TASK_STATUS_LABELS[task.status] },
  { header: '是否逾期', width: 9, value: (task) => yesNo(task.overdue) },
  // The shared vocabulary (红灯·逾期 …), the same words the screens show.
  { header: '预警', width: 11, value: (task) => LIGHT_LABELS[task.light] },
  { header: '最近报告', width: 20, value: (task) => formatInstant(task.lastReportAt) },
  { header: '办结时间', width: 20, value: (task) => formatInstant(task.completedAt) },
  { header: '按期办结', width: 9, value: (task) => yesNo(task.completedOnTime) },
  { header: '按原时限办结', width: 12, value: (task) => yesNo(task.completedOnTimeOriginal) },
];

/** An ISO instant shown as Asia/Shanghai wall time, 'YYYY-MM-DD HH:mm'. */
export function formatInstant(iso: string | null): string {
  if (!iso) return '';
  const shifted = new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

export const LEDGER_HEADERS: readonly string[] = COLUMNS.map((column) => column.header);

/** Builds the 督办台账 workbook (one sheet, frozen header, red/yellow/green fill on the 预警 cell). */
export async function buildTaskLedger(tasks: TaskSummaryDto[], generatedAt: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '督办';
  workbook.created = generatedAt;
  const sheet = workbook.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({ header: column.header, width: column.width }));
  sheet.getRow(1).font = { bold: true };
  const lightColumn = COLUMNS.findIndex((column) => column.header === '预警') + 1;
  tasks.forEach((task, index) => {
    const row = sheet.addRow(COLUMNS.map((column) => column.value(task, index)));
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
