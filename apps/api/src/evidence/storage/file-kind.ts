import { open } from 'node:fs/promises';

/** The evidence types the API accepts, recognised by content (magic bytes / zip entries), never by name. */
export type EvidenceKind = 'pdf' | 'docx' | 'xlsx' | 'png' | 'jpeg' | 'text';

export const EVIDENCE_MIME_TYPES: Readonly<Record<EvidenceKind, string>> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  png: 'image/png',
  jpeg: 'image/jpeg',
  text: 'text/plain',
};

const HEAD_BYTES = 64 * 1024;
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
/** End-of-central-directory record (22 bytes) plus the longest possible archive comment. */
const ZIP_TAIL_BYTES = 22 + 0xffff;

/** Whether the bytes look like text a person wrote: decodable (UTF-8 or GB18030) and free of binary control bytes. */
export function looksLikeText(bytes: Buffer, truncated: boolean): boolean {
  if (bytes.length === 0) return false;
  for (const byte of bytes) {
    // TAB, LF, FF, CR and ESC-free text only; NUL and other C0 controls mean a binary file.
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d) return false;
    if (byte === 0x7f) return false;
  }
  // A window cut mid-character must not fail the check: drop up to 3 trailing bytes when truncated.
  for (let cut = 0; cut <= (truncated ? 3 : 0); cut += 1) {
    const slice = bytes.subarray(0, bytes.length - cut);
    for (const encoding of ['utf-8', 'gb18030']) {
      try {
        new TextDecoder(encoding, { fatal: true }).decode(slice);
        return true;
      } catch {
        // try the next encoding / cut
      }
    }
  }
  return false;
}

/** Names of the entries of a zip archive, read from its central directory; null when it is not a zip. */
export function zipEntryNames(tail: Buffer): string[] | null {
  const end = tail.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > tail.length || tail.readUInt32LE(end) !== ZIP_END) return null;
  const count = tail.readUInt16LE(end + 10);
  const size = tail.readUInt32LE(end + 12);
  let offset = end - size;
  if (offset < 0) return null;
  const names: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > tail.length || tail.readUInt32LE(offset) !== ZIP_CENTRAL) return null;
    const nameLength = tail.readUInt16LE(offset + 28);
    const extraLength = tail.readUInt16LE(offset + 30);
    const commentLength = tail.readUInt16LE(offset + 32);
    names.push(tail.toString('utf8', offset + 46, offset + 46 + nameLength));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

/** Classifies a buffer holding the start of a file (and, for zips, the end). */
export function detectKind(head: Buffer, tail: Buffer, size: number): EvidenceKind | null {
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(0, 8).equals(PNG_MAGIC)) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpeg';
  if (head.length >= 4 && head.readUInt32LE(0) === ZIP_LOCAL) {
    const names = zipEntryNames(tail);
    if (!names || !names.includes('[Content_Types].xml')) return null;
    if (names.some((name) => name.startsWith('word/'))) return 'docx';
    if (names.some((name) => name.startsWith('xl/'))) return 'xlsx';
    return null;
  }
  return looksLikeText(head, size > head.length) ? 'text' : null;
}

/** File name extensions that fit each kind (the first is used when a name needs one). */
export const EVIDENCE_EXTENSIONS: Readonly<Record<EvidenceKind, readonly string[]>> = {
  pdf: ['pdf'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  text: ['txt', 'csv', 'md', 'log'],
};

/** Markup or scripts a browser or shell would run: refused even though they are text. */
const ACTIVE_TEXT =
  /^\s*(<!doctype\s+html|<html|<svg|<\?xml[\s\S]{0,400}<svg|<script|#!|<\?php)|<script[\s>]/iu;

/**
 * Why an accepted kind still carries active content, in zh-CN, or null: Office files with macros
 * (vbaProject.bin, macro-enabled content types), and text that is HTML, SVG or a script.
 */
export function activeContentReason(head: Buffer, tail: Buffer, kind: EvidenceKind): string | null {
  if (kind === 'docx' || kind === 'xlsx') {
    const names = zipEntryNames(tail) ?? [];
    if (names.some((name) => /vbaProject\.bin$|vbaData\.xml$|^(word|xl)\/activeX\//iu.test(name))) {
      return '该 Office 文件包含宏或 ActiveX 控件，不能作为佐证材料上传；请另存为不含宏的 DOCX/XLSX 或 PDF 后再上传。';
    }
  }
  if (kind === 'text' && ACTIVE_TEXT.test(new TextDecoder('utf-8').decode(head.subarray(0, 4096)))) {
    return '网页（HTML）、SVG 图像或脚本文件可能含有可执行内容，不能作为佐证材料上传；请转换为 PDF 或图片后再上传。';
  }
  return null;
}

export interface DetectedFile {
  kind: EvidenceKind | null;
  /** Set when the kind is accepted but the content is active (macros, markup, scripts). */
  refusal: string | null;
}

/** Reads the start and end of a file on disk, classifies it and checks it for active content. */
export async function detectFileKind(path: string, size: number): Promise<DetectedFile> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(Math.min(HEAD_BYTES, size));
    await handle.read(head, 0, head.length, 0);
    const tailLength = Math.min(ZIP_TAIL_BYTES + 64 * 1024, size);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    const kind = detectKind(head, tail, size);
    return { kind, refusal: kind ? activeContentReason(head, tail, kind) : null };
  } finally {
    await handle.close();
  }
}
