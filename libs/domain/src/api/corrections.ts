/**
 * Corrections a supervisor makes to an import preview before committing it (issue 10). They are stored per
 * file (its content hash), so a re-import of the same file shows them again; each names its measures by
 * `ref` (source line + text hash), which does not change when the measure is edited.
 */
import type { MilestoneDto } from './desk';
import type { ImportPreviewDto, ImportPreviewMeasureDto } from './imports';

export type ImportCorrectionKind = 'edit' | 'drop' | 'add' | 'merge' | 'split';

/** How a preview measure came out of the corrections: null = as extracted. */
export type MeasureCorrectionMark = 'edited' | 'added' | 'merged' | 'split';

/** What a preview measure carries besides the ImportPreviewMeasureDto fields. */
export interface MeasureCorrectionFields {
  /** Stable identity: `<line>-<hash of the measure's text>`; corrections name measures by it. */
  ref: string;
  corrected: MeasureCorrectionMark | null;
}

/** POST /api/imports/:previewId/corrections. Fields by kind: see ImportCorrectionDto. */
export interface ImportCorrectionRequestDto {
  kind: ImportCorrectionKind;
  /** edit, drop, split: the measure; merge: the first of two adjacent measures. */
  ref?: string;
  /** merge: the measure right after `ref`. */
  withRef?: string;
  /** edit / add: the new values (edit: only the fields given change). */
  title?: string;
  lead?: string[];
  participants?: string[];
  /** ISO date (YYYY-MM-DD), or null to clear it. */
  deadline?: string | null;
  /**
   * edit / add: the earlier dated steps (each a real date with its phrase), replacing the measure's own; an
   * edit that changes only the deadline drops the extracted steps (they belonged to the old date).
   */
  milestones?: MilestoneDto[];
  /** add: the selected lines of the document text (inclusive). */
  fromLine?: number;
  toLine?: number;
  /** split: the first line of the second part. */
  atLine?: number;
}

export interface ImportCorrectionDto extends ImportCorrectionRequestDto {
  id: string;
  createdAt: string;
  createdBy: string | null;
  /** False when its measure is gone (another correction removed it, or the file is read differently now). */
  applied: boolean;
  /** zh-CN reason when not applied. */
  problem: string | null;
}

export interface ImportDocumentDiagnosisDto {
  documentIndex: number;
  code: string;
  /** zh-CN: which annotation forms were looked for. */
  message: string;
  /** Lines that came close (role words, department names, dates). */
  nearLines: { line: number; text: string }[];
}

/** What a preview carries besides the ImportPreviewDto fields. */
export interface PreviewCorrectionFields {
  corrections: ImportCorrectionDto[];
  /** Why documents gave no measure. */
  diagnoses: ImportDocumentDiagnosisDto[];
}

/**
 * The preview as GET /api/imports/jobs/:id and the corrections endpoints return it: `WithCorrections<ImportPreviewDto>`
 * (generic so that this file needs nothing from contract.ts, which re-exports it).
 */
export type WithCorrections<P extends { measures: readonly object[] }> = Omit<P, 'measures'> &
  PreviewCorrectionFields & { measures: (P['measures'][number] & MeasureCorrectionFields)[] };

/** GET /api/imports/:previewId/lines?from=&to=: the document text, to select a missed measure's lines. */
export interface ImportSourceLinesDto {
  from: number;
  to: number;
  total: number;
  lines: { line: number; text: string }[];
}

/** The preview with the file's corrections applied, as the API answers it. */
export type CorrectedImportPreviewDto = WithCorrections<ImportPreviewDto>;
/** One measure of that preview. */
export type CorrectedPreviewMeasureDto = ImportPreviewMeasureDto & MeasureCorrectionFields;
