import { ExtractionError } from './errors';
import type { TextEncodingName } from './types';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const gb18030Fatal = new TextDecoder('gb18030', { fatal: true });

/** C0 controls other than TAB/LF/VT/FF/CR/ESC: a text file has (almost) none of them. */
function controlRatio(text: string): number {
  let controls = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b)
      controls++;
  }
  return n === 0 ? 0 : controls / n;
}

/**
 * Decodes a policy text: UTF-8 (with or without BOM) is tried strictly first, then GB18030 (a superset of GBK/GB2312).
 * Throws ExtractionError BINARY_FILE for NUL bytes or control-character noise, UNDECODABLE when neither decoding is valid.
 */
export function decodeText(bytes: Uint8Array, fileName: string | null = null): DecodedText {
  if (bytes.indexOf(0) !== -1) {
    throw new ExtractionError('BINARY_FILE', 'not a text file (binary content: NUL bytes)', fileName);
  }
  let decoded: DecodedText | null = null;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    decoded = hasBom
      ? { text: utf8Fatal.decode(bytes.subarray(3)), encoding: 'utf-8-bom' }
      : { text: utf8Fatal.decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      decoded = { text: gb18030Fatal.decode(bytes), encoding: 'gb18030' };
    } catch {
      throw new ExtractionError('UNDECODABLE', 'not decodable as UTF-8 or GB18030', fileName);
    }
  }
  if (controlRatio(decoded.text) > 0.01) {
    throw new ExtractionError(
      'BINARY_FILE',
      'not a text file (binary content: control characters)',
      fileName,
    );
  }
  return decoded;
}
