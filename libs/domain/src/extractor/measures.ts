import type { ExtractorParsers } from './parsers';
import type { DocumentSpan } from './segment';
import type { PreparedText } from './text';
import type { ExtractedMeasure } from './types';

export function extractMeasures(
  _prepared: PreparedText,
  _span: DocumentSpan,
  _parsers: ExtractorParsers,
  _documentYear: number | null,
): ExtractedMeasure[] {
  return [];
}
