import type { ExtractedFile, ExtractionError } from '@duban/domain';

/** What the API posts to an extraction thread, one request at a time. */
export interface ExtractionRequest {
  fileName: string;
  bytes: Uint8Array;
}

/** What an extraction thread posts back. */
export type ExtractionMessage =
  | { type: 'progress'; documentsDone: number; documentsTotal: number; measuresFound: number }
  | { type: 'done'; extraction: ExtractedFile }
  | { type: 'refused'; code: ExtractionError['code']; message: string }
  | { type: 'crashed'; message: string };
