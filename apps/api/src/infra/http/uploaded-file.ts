import type { FastifyReply, FastifyRequest } from 'fastify';
import type { DomainError } from './domain-error';

/**
 * The one upload step of the file endpoints (policy text, 台账, user and directory sheets): a multipart
 * request's field "file", read whole up to `maxBytes`. Each endpoint keeps its own error codes and zh-CN
 * wording, passed in as `errors`; a multipart error other than the size limit propagates unchanged.
 */
export interface UploadErrors {
  notMultipart: () => DomainError;
  noFile: () => DomainError;
  tooLarge: (fileName: string, maxMegabytes: number) => DomainError;
}

export interface UploadedFile {
  /** As the client named it (possibly empty). */
  fileName: string;
  bytes: Buffer;
}

export async function readUploadedFile(
  request: FastifyRequest,
  maxBytes: number,
  errors: UploadErrors,
): Promise<UploadedFile> {
  if (!request.isMultipart()) throw errors.notMultipart();
  const part = await request.file({ limits: { fileSize: maxBytes } });
  if (!part) throw errors.noFile();
  try {
    return { fileName: part.filename, bytes: await part.toBuffer() };
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 413) {
      throw errors.tooLarge(part.filename, Math.round(maxBytes / 1024 / 1024));
    }
    throw error;
  }
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Headers of an .xlsx download: an ASCII fallback name and the zh-CN name (RFC 5987) browsers show. */
export function attachXlsx(reply: FastifyReply, asciiName: string, name: string): void {
  void reply
    .header('Content-Type', XLSX_CONTENT_TYPE)
    .header(
      'Content-Disposition',
      `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
}
