import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText } from './decode';
import { ExtractionError } from './errors';

const SAMPLE = '国务院关于促进外资增长若干措施的通知\n国发〔2017〕39号\n（国家发展改革委、商务部负责）\n';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof ExtractionError ? err.code : 'OTHER';
  }
}

describe('decodeText', () => {
  it('decodes UTF-8', () => {
    expect(decodeText(new TextEncoder().encode(SAMPLE))).toEqual({ text: SAMPLE, encoding: 'utf-8' });
  });

  it('strips a UTF-8 BOM and reports it', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SAMPLE)]);
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'utf-8-bom' });
  });

  it('falls back to GB18030 when the bytes are not UTF-8', () => {
    const bytes = new Uint8Array(iconv.encode(SAMPLE, 'gb18030'));
    expect(decodeText(bytes)).toEqual({ text: SAMPLE, encoding: 'gb18030' });
  });

  it('rejects NUL bytes as binary', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0x41, 0x00, 0x42])))).toBe('BINARY_FILE');
  });

  it('rejects bytes invalid in UTF-8 and GB18030', () => {
    expect(codeOf(() => decodeText(new Uint8Array([0xff, 0xff, 0xfe, 0xff])))).toBe('UNDECODABLE');
  });

  it('rejects control-character noise as binary', () => {
    const bytes = new Uint8Array(200).map((_, i) => (i % 3 === 0 ? 0x01 : 0x41));
    expect(codeOf(() => decodeText(bytes))).toBe('BINARY_FILE');
  });
});
