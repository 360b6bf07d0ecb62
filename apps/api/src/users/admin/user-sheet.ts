import { USER_IMPORT_COLUMNS, USER_IMPORT_ROLES } from '@duban/domain';
import ExcelJS from 'exceljs';
import { userImportErrors } from '../users.errors';
import { cellText, findHeaderRow } from '../../infra/spreadsheet/cells';

/** One data row of a user sheet as typed (cells trimmed, blank rows skipped). */
export interface UserSheetRow {
  row: number;
  cells: Record<string, string>;
}

/** More than a department roster: beyond it the sheet is refused (every row costs one bcrypt hash). */
export const MAX_USER_ROWS = 500;
const REQUIRED = ['用户名', '姓名', '角色'];

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Reads the first sheet: a header row naming the template's columns (in any order, within the first 5 rows). */
export async function readUserSheet(bytes: Uint8Array, fileName: string): Promise<UserSheetRow[]> {
  if (bytes.length === 0) throw userImportErrors.empty(fileName);
  const head = Buffer.from(bytes.subarray(0, 8));
  if (!head.subarray(0, 4).equals(ZIP)) {
    throw userImportErrors.notXlsx(fileName, head.equals(OLE));
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw userImportErrors.unreadable(fileName);
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw userImportErrors.noSheet(fileName);
  const { row: headerRow, columns } = findHeaderRow(sheet, USER_IMPORT_COLUMNS, '用户名');
  const missing = headerRow === 0 ? REQUIRED : REQUIRED.filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw userImportErrors.missingColumns(missing);
  }
  const rows: UserSheetRow[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: Record<string, string> = {};
    for (const name of USER_IMPORT_COLUMNS) {
      const col = columns.get(name);
      cells[name] = col ? cellText(row.getCell(col).value).trim() : '';
    }
    if (Object.values(cells).every((v) => v === '')) continue;
    rows.push({ row: r, cells });
    if (rows.length > MAX_USER_ROWS) {
      throw userImportErrors.tooManyRows(MAX_USER_ROWS);
    }
  }
  if (rows.length === 0) {
    throw userImportErrors.noRows(fileName);
  }
  return rows;
}

const WIDTHS: Record<string, number> = { 用户名: 16, 姓名: 14, 角色: 14, 所属部门: 28, 邮箱: 28, 手机: 16 };

/** The downloadable template: the columns, two example rows, a pick list for 角色, and the rules. */
export async function userSheetTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Duban 督办';
  const sheet = workbook.addWorksheet('用户', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = USER_IMPORT_COLUMNS.map((header) => ({ header, key: header, width: WIDTHS[header] ?? 16 }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
  sheet.addRow({
    用户名: 'zhang.wei',
    姓名: '张伟（示例，导入前请删除）',
    角色: '部门负责人',
    所属部门: '发改委',
    邮箱: 'zhang.wei@example.gov.cn',
    手机: '13800138000',
  });
  sheet.addRow({
    用户名: 'li.na',
    姓名: '李娜（示例，导入前请删除）',
    角色: '经办人',
    所属部门: '国家发展和改革委员会',
    邮箱: '',
    手机: '010-12345678',
  });
  const roles = ['经办人', '部门负责人', '督查室', '管理员'];
  const roleColumn = USER_IMPORT_COLUMNS.indexOf('角色') + 1;
  const textColumns = [USER_IMPORT_COLUMNS.indexOf('用户名') + 1, USER_IMPORT_COLUMNS.indexOf('手机') + 1];
  for (let r = 2; r <= 501; r++) {
    sheet.getRow(r).getCell(roleColumn).dataValidation = {
      type: 'list',
      allowBlank: false,
      formulae: [`"${roles.join(',')}"`],
      showErrorMessage: true,
      errorTitle: '角色',
      error: `请从列表中选择：${roles.join('、')}`,
    };
    // Text cells: Excel would otherwise turn 13800138000 into 1.38E+10 and drop a phone's leading 0.
    for (const col of textColumns) sheet.getRow(r).getCell(col).numFmt = '@';
  }
  const help = workbook.addWorksheet('填写说明');
  help.columns = [{ width: 100 }];
  for (const line of [
    '用户导入填写说明',
    '1. 每行一个人；“用户名”“姓名”“角色”必填。',
    '2. 用户名：2–32 个小写英文字母、数字或 . _ -，以字母或数字开头，登录时使用，不能与已有账号重复。',
    `3. 角色：${Object.keys(USER_IMPORT_ROLES).join('、')}；经办人和部门负责人必须填写所属部门。`,
    '4. 所属部门填写部门全称或常用简称（如 发改委）；“各有关部门”等统称不能设立账号。',
    '5. 邮箱、手机选填；邮箱用于接收通知。',
    '6. 上传后先检查：有错误的行会标出原因；确认导入后只创建无误的行，并一次性显示每个账号的初始密码。',
  ]) {
    help.addRow([line]);
  }
  help.getRow(1).font = { bold: true, size: 14 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
