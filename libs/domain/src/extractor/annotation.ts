import type { ParsedResponsibility } from './types';

/** Options in force for a document when an annotation is parsed. */
export interface AnnotationOptions {
  /** A 排在第一位的部门为牵头部门，下同 / 列第一位者为牵头部门，下同 declaration is in force for this document. */
  firstIsLead: boolean;
}

export type DepartmentColumn = 'lead' | 'participants' | 'responsible';

/**
 * Parses the inside of a bracket (brackets removed, whitespace removed, punctuation full-width)
 * and returns the responsibility it states, or null when it is not a responsibility annotation
 * (（含…，下同）, （以下简称…）, （试行）, （此件公开发布）, ordinary parentheticals …).
 */
export function parseBracketAnnotation(_inner: string, _options: AnnotationOptions): ParsedResponsibility | null {
  return null; // stub: replaced by the annotation parser
}

/** Parses a table cell under a 牵头部门 / 配合部门 / 负责部门 (负责单位) column header. */
export function parseDepartmentCell(
  _cell: string,
  _column: DepartmentColumn,
  _options: AnnotationOptions,
): ParsedResponsibility | null {
  return null; // stub
}

/** Parses the value of a labelled 责任部门：/责任单位： field. */
export function parseResponsibilityField(_value: string, _options: AnnotationOptions): ParsedResponsibility | null {
  return null; // stub
}
