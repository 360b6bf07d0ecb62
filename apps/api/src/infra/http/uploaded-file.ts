import type { FastifyRequest } from 'fastify';
import type { DomainError } from './domain-error';

/** The errors an upload route answers with: each feature keeps its own codes and messages. */
export interface UploadRefusals {
  notMultipart(): DomainError;
  noFile(): DomainError;
  /** The part exceeded `maxBytes` (the multipart parser's 413). */
  tooLarge(): DomainError;
}

/**
 * The bytes and client-side name of the multipart field `file` of `request`, read into memory up to
 * `maxBytes`; refused with the caller's errors when the request is not multipart, has no file or is too big.
 */
export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  refuse: UploadRefusals,
): Promise<{ bytes: Buffer; filename: string }> {
  if (!request.isMultipart()) throw refuse.notMultipart();
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) throw refuse.noFile();
  try {
    return { bytes: await part.toBuffer(), filename: part.filename };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) throw refuse.tooLarge();
    throw error;
  }
}
