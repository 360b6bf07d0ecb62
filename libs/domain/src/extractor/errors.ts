/** Why a file could not be turned into text. The API maps these codes to HTTP 400/415. */
export type ExtractionErrorCode =
  'NOT_FOUND' | 'IS_DIRECTORY' | 'READ_FAILED' | 'BINARY_FILE' | 'UNDECODABLE';

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';

  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
    readonly fileName: string | null = null,
  ) {
    super(message);
  }
}
