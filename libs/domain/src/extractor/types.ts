/**
 * Public result types of the policy-text extractor. These shapes are the JSON contract of
 * `npm run extract -- --format json` and the input of the API's import; change them only together.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

export type MeasureOrigin = 'inline' | 'table' | 'field';

export type DeadlineKind = 'date' | 'ongoing';

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
  measures: ExtractedMeasure[];
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
}

export interface ParsedDeadline {
  deadline: string | null;
  deadlineText: string;
  deadlineKind: DeadlineKind;
}
