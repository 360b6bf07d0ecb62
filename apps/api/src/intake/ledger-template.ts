import { INTAKE_COLUMNS, SOURCE_KIND_LABELS, TASK_SOURCE_KINDS } from '@duban/domain';
import ExcelJS from 'exceljs';

const WIDTHS: Record<string, number> = {
  序号: 6,
  任务内容: 60,
  来源类型: 16,
  来源名称: 30,
  '文号/批示': 22,
  牵头单位: 20,
  配合单位: 24,
  完成时限: 14,
  备注: 20,
  来源日期: 14,
};

/** The downloadable 台账 template: the columns, one example row, a pick list for 来源类型, and the rules. */
export async function ledgerTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Duban 督办';
  const sheet = workbook.addWorksheet('督办台账', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = INTAKE_COLUMNS.map((header) => ({ header, key: header, width: WIDTHS[header] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  sheet.addRow({
    序号: 1,
    任务内容: '（示例，导入前请删除本行）完善城乡居民医保财政补助机制，出台实施办法。',
    来源类型: SOURCE_KIND_LABELS.meeting_minutes,
    来源名称: '市政府第12次常务会议纪要',
    '文号/批示': '市政府纪要〔2026〕12号',
    牵头单位: '财政部',
    配合单位: '国家卫生健康委、国家医保局',
    完成时限: new Date(Date.UTC(2027, 5, 30)),
    备注: '',
    来源日期: new Date(Date.UTC(2026, 10, 20)),
  });
  const kinds = TASK_SOURCE_KINDS.map((k) => SOURCE_KIND_LABELS[k]);
  const kindColumn = INTAKE_COLUMNS.indexOf('来源类型') + 1;
  const dateColumn = INTAKE_COLUMNS.indexOf('完成时限') + 1;
  const sourceDateColumn = INTAKE_COLUMNS.indexOf('来源日期') + 1;
  for (let r = 2; r <= 1001; r++) {
    sheet.getRow(r).getCell(kindColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${kinds.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '来源类型',
      error: `请从列表中选择：${kinds.join('、')}`,
    };
    sheet.getRow(r).getCell(dateColumn).numFmt = 'yyyy-mm-dd';
    sheet.getRow(r).getCell(sourceDateColumn).numFmt = 'yyyy-mm-dd';
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    '督办台账填写说明',
    '1. 每行一项任务；“任务内容”“来源类型”“来源名称”“牵头单位”必填。',
    `2. 来源类型：${kinds.join('、')}。`,
    '3. 牵头单位、配合单位填写单位全称或常用简称（如 发改委），多个单位用顿号“、”分隔。',
    '4. 完成时限填写日期（2027-06-30），或“2027年底前”“每季度”等；留空表示无固定时限。',
    '5. 来源日期（选填）填写批示、纪要或文件的日期，如 2026-11-20。',
    '6. 上传后先预览：有错误的行会标出原因，确认后只导入无误的行。',
  ]) {
    help.addRow([line]);
  }
  help.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
