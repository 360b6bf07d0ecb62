/**
 * Public result types of the policy-text extractor. These shapes are the JSON contract of
 * `npm run extract -- --format json` and the input of the API's import; change them only together.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type MeasureOrigin = 'inline' | 'table' | 'field';

/** `recurring`: a duty repeated every `period` (每年/每半年/每季度/每月), with no final date unless one is stated. */
export type DeadlineKind = 'date' | 'ongoing' | 'recurring';

export type RecurrencePeriod = 'year' | 'half-year' | 'quarter' | 'month';

/** An earlier dated step of a measure (`2015年广泛开展试点` before `2017年12月底前完成`). */
export interface Milestone {
  /** ISO end of the step's period. */
  date: string;
  /** The step's phrase, verbatim. */
  text: string;
}

export interface ExtractedMeasure {
  /** Stable key within its document: heading path joined by '/', plus '#n' for sentence-level spans. */
  key: string;
  /** Key of the parent measure/section when the measure inherits or splits an annotation, else null. */
  parentKey: string | null;
  /** Heading enumerators from the document root, e.g. ['一', '（一）', '1.']. */
  path: string[];
  /** 1-based physical line in the input file where the measure's text starts. */
  line: number;
  origin: MeasureOrigin;
  /** Lead phrase or first clause. */
  title: string;
  /** Full text, whitespace-normalised, annotation included. */
  text: string;
  /** Department names as written (line breaks and stray spaces removed, 等 dropped). */
  lead: string[];
  participants: string[];
  /** True when no lead was named and no lead convention is in force: everyone named is a co-lead. */
  joint: boolean;
  leadCanonical: string[];
  participantsCanonical: string[];
  /** Names that the registry does not know; kept, never dropped. */
  unknownDepartments: string[];
  deadline: string | null;
  deadlineText: string | null;
  deadlineKind: DeadlineKind | null;
  /*
   * Added by issue 10; optional so that producers written before it still type-check. The extractor always
   * sets them.
   */
  /** Earlier dated steps, by date; the deadline is the completion (latest) step. Empty when none. */
  milestones?: Milestone[];
  /** For deadlineKind `recurring`: how often the duty recurs; else null. */
  period?: RecurrencePeriod | null;
  /** Labelled-field blocks: the block's numbered items (行动内容：1. … 2. …); empty otherwise. */
  checklist?: string[];
  /**
   * `prose`: no annotation names the parties; they were read from duty sentences (各省（区、市）人民政府要…,
   * 请财政部…) in a document without any annotation. Worth a supervisor's check in the preview. Absent otherwise.
   */
  basis?: 'prose';
}

/** Why a document gave no measure, for the import preview. */
export interface ExtractionDiagnostic {
  code: 'NO_ANNOTATION_FORM' | 'NO_BODY';
  message: string;
  /** Lines that look close to an annotation form (role words, department names, dates) but were not read as one. */
  nearLines: { line: number; text: string }[];
}

export interface ExtractedDocument {
  docNumber: string | null;
  title: string;
  issuer: string | null;
  /** ISO date (YYYY-MM-DD) when present. */
  date: string | null;
  startLine: number;
  endLine: number;
  /** docNumber (or title when it has none) of the first copy of this document seen in the same extraction run. */
  sameAs: string | null;
  /** Issuer's jurisdiction (杭州市人民政府办公厅 → 杭州市), null for national or unknown issuers (issue 10; always set by the extractor). */
  jurisdiction?: string | null;
  measures: ExtractedMeasure[];
  /** Why the document gave no measure, and which lines came close; empty when it has measures (issue 10; always set). */
  diagnostics?: ExtractionDiagnostic[];
}

export interface ExtractedFile {
  file: string;
  encoding: TextEncodingName;
  documents: ExtractedDocument[];
}

export interface ExtractionResult {
  files: ExtractedFile[];
}

/** A parsed responsibility annotation (bracket, table cell or labelled field). */
export interface ParsedResponsibility {
  lead: string[];
  participants: string[];
  joint: boolean;
  /** 等 / 等有关部门 / 会同相关部门: the list is open-ended. */
  openList: boolean;
  /** The annotation declares 排在第一位的部门为牵头部门，下同 / 列第一位者为牵头部门，下同. */
  declaresFirstIsLead: boolean;
  /** The value of a 完成时限：/时间节点： label inside the annotation, for the deadline parser. */
  deadlineText?: string;
}

export interface ParsedDeadline {
  deadline: string | null;
  deadlineText: string;
  deadlineKind: DeadlineKind;
  /** Earlier dated steps before the completion date. */
  milestones?: Milestone[];
  period?: RecurrencePeriod;
}
