import { ConflictError, NotFoundError, ValidationError } from '../../infra/http/domain-error';

/** Typed refusals of import-preview corrections (zh-CN messages say how to fix the request). */
export class ImportCorrectionError extends ValidationError {}

export const correctionErrors = {
  previewNotFound: (id: string) =>
    new NotFoundError('IMPORT_PREVIEW_NOT_FOUND', '导入预览不存在，请重新上传文件。', { id }),
  committed: (id: string) =>
    new ConflictError(
      'IMPORT_ALREADY_COMMITTED',
      '该导入已确认，不能再修正；重新上传同一文件即可继续修正（已作的修正会保留）。',
      { id },
    ),
  correctionNotFound: (id: string) =>
    new NotFoundError('IMPORT_CORRECTION_NOT_FOUND', '该修正不存在或已撤销，请刷新预览。', { id }),
  noSource: () =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_NO_SOURCE',
      '该预览未保存原文，无法按行补充或拆分措施，请重新上传文件。',
    ),
  measureMissing: (ref: string) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_MEASURE_MISSING',
      '要修正的措施在当前预览中不存在（可能已被删除或合并），请刷新预览后重试。',
      { ref },
    ),
  fieldMissing: (field: string, kind: string) =>
    new ImportCorrectionError('IMPORT_CORRECTION_FIELD_MISSING', `“${kind}”类修正须填写 ${field}。`, {
      field,
      kind,
    }),
  nothingToChange: () =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_EMPTY',
      '修改未包含任何内容：请至少修改标题、牵头单位、配合单位或完成时限之一。',
    ),
  titleEmpty: () =>
    new ImportCorrectionError('IMPORT_CORRECTION_TITLE_EMPTY', '措施标题不能为空，请填写标题。'),
  leadEmpty: () => new ImportCorrectionError('IMPORT_CORRECTION_LEAD_EMPTY', '请至少指定一个牵头单位。'),
  nameEmpty: () =>
    new ImportCorrectionError('IMPORT_CORRECTION_NAME_EMPTY', '单位名称不能为空，请删除空白的单位。'),
  dateInvalid: (value: string) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_DATE_INVALID',
      `完成时限“${value}”不是有效日期，请按 YYYY-MM-DD 填写实际存在的日期（如 2026-12-31）。`,
      { value },
    ),
  milestoneDateInvalid: (value: string) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_MILESTONE_INVALID',
      `阶段节点日期“${value}”不是有效日期，请按 YYYY-MM-DD 填写实际存在的日期。`,
      { value },
    ),
  milestoneTextEmpty: () =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_MILESTONE_INVALID',
      '阶段节点须写明要完成的内容，请填写或删除空白的节点。',
    ),
  milestoneAfterDeadline: (date: string, deadline: string) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_MILESTONE_AFTER_DEADLINE',
      `阶段节点（${date}）不能晚于完成时限（${deadline}），请调整日期。`,
      { date, deadline },
    ),
  linesInvalid: (from: number, to: number, total: number) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_LINES_INVALID',
      `所选行 ${from}–${to} 无效：请在第 1–${total} 行中选择，且起始行不大于结束行。`,
      { from, to, total },
    ),
  linesBlank: (from: number, to: number) =>
    new ImportCorrectionError('IMPORT_CORRECTION_LINES_BLANK', `第 ${from}–${to} 行没有文字，请重新选择。`, {
      from,
      to,
    }),
  linesOutsideDocument: (from: number, to: number) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_LINES_OUTSIDE_DOCUMENT',
      `第 ${from}–${to} 行不在同一份文件的正文内，请只选择一份文件中的行。`,
      { from, to },
    ),
  notAdjacent: () =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_NOT_ADJACENT',
      '只能合并同一份文件中相邻的两项措施，请选择紧随其后的一项。',
    ),
  splitLine: (line: number, from: number, to: number) =>
    new ImportCorrectionError(
      'IMPORT_CORRECTION_SPLIT_LINE',
      `拆分位置须在该措施的第 ${from + 1}–${to} 行之间（所选：第 ${line} 行）。`,
      { line, from, to },
    ),
};
