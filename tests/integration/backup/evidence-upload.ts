import { randomBytes } from 'node:crypto';

/** A multipart/form-data body carrying one PDF, as the web app uploads evidence. */
export function pdfUpload(fileName: string, content: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----duban${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/pdf\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}
