const MAX_NAME_CHARS = 200;

/** C0/DEL controls and the bidi overrides that can disguise an extension (报告\u202Efdp.exe). */
function isUnsafeChar(code: number): boolean {
  return (
    code < 0x20 || code === 0x7f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)
  );
}

/**
 * The name to keep for an uploaded file: the last path segment (either separator), without control or
 * bidi-override characters, trimmed of dots and spaces at the ends, at most 200 characters. The name is
 * only ever shown and sent back in Content-Disposition; files are stored by content hash.
 */
export function sanitizeFileName(raw: string | undefined): string {
  const lastSegment = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastSegment
    .normalize('NFC')
    .split('')
    .filter((c) => !isUnsafeChar(c.charCodeAt(0)))
    .join('')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  const chars = Array.from(cleaned);
  return chars.length === 0 ? 'file' : chars.slice(0, MAX_NAME_CHARS).join('');
}

/**
 * The name kept for a file of `extensions` (its detected content): the uploaded name when its
 * extension fits, else that name with the content's extension in place of its own (报告.html that is
 * plain text becomes 报告.txt), so a name never claims another type than the bytes.
 */
export function nameForContent(fileName: string, extensions: readonly string[]): string {
  const match = /^(.*?)(?:\.([^.]{1,10}))?$/u.exec(fileName);
  const base = match?.[1] || 'file';
  const ext = match?.[2]?.toLowerCase();
  if (ext && extensions.includes(ext)) return fileName;
  return `${base}.${extensions[0] ?? 'bin'}`;
}

/** RFC 5987 value: percent-encoded UTF-8, with the extra characters RFC 5987 does not allow bare. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''…` for a (possibly Chinese) file name. */
export function contentDisposition(fileName: string): string {
  const safe = sanitizeFileName(fileName);
  const fallback = safe.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(safe)}`;
}
