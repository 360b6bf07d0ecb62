import { resolveDepartment } from '../departments/registry';
import type { DepartmentResolution } from '../departments/types';
import { parseBracketAnnotation, parseDepartmentCell, parseResponsibilityField } from './annotation';
import type { AnnotationOptions, DepartmentColumn } from './annotation';
import { findDeadline, parseDeadlineCell } from './deadline';
import type { DeadlineOptions } from './deadline';
import type { ParsedDeadline, ParsedResponsibility } from './types';

/**
 * The annotation, deadline and department parsers the extractor calls. They live in their own modules; the
 * extractor takes them as a bundle so structural tests can run with stand-ins.
 */
export interface ExtractorParsers {
  parseBracketAnnotation(inner: string, options: AnnotationOptions): ParsedResponsibility | null;
  parseDepartmentCell(
    cell: string,
    column: DepartmentColumn,
    options: AnnotationOptions,
  ): ParsedResponsibility | null;
  parseResponsibilityField(value: string, options: AnnotationOptions): ParsedResponsibility | null;
  findDeadline(text: string, options: DeadlineOptions): ParsedDeadline | null;
  parseDeadlineCell(cell: string, options: DeadlineOptions): ParsedDeadline | null;
  resolveDepartment(written: string): DepartmentResolution;
}

export const defaultParsers: ExtractorParsers = {
  parseBracketAnnotation,
  parseDepartmentCell,
  parseResponsibilityField,
  findDeadline,
  parseDeadlineCell,
  resolveDepartment,
};
