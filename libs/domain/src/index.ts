// The one public entry point of @duban/domain: explicit named exports only.
export type {
  DeadlineKind,
  ExtractedDocument,
  ExtractedFile,
  ExtractedMeasure,
  ExtractionResult,
  MeasureOrigin,
  ParsedDeadline,
  ParsedResponsibility,
  TextEncodingName,
} from './extractor/types';
export type { DepartmentKind, DepartmentRecord, DepartmentResolution } from './departments/types';
export type * from './api/contract';
