import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { extractBuffer, extractText } from '../src/extractor/extract';
import type { ExtractedFile } from '../src/extractor/types';

const corpusLines = (name: string, from: number, to: number) =>
  readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .slice(from - 1, to)
    .join('\n');

/** 000-01 (one paragraph per line) and 003-02 (hard-wrapped, bare-list annotations). */
const SAMPLES: Record<string, string> = {
  '000-01': corpusLines('000_b2e2599482101c52.txt', 1, 55),
  '003-02': corpusLines('003_8fd585837068af36.txt', 937, 1321),
};

/**
 * Table layouts (003-07 分工表 with 时间进度, 001-082 six-column work plan): their cells are rebuilt from physical
 * lines, so re-wrapping does not apply, but line ends, punctuation and encoding must not matter.
 */
const TABLE_SAMPLES: Record<string, string> = {
  '003-07': corpusLines('003_8fd585837068af36.txt', 4210, 5043),
  '001-082': corpusLines('001_dc3bc84186c37e13.txt', 39853, 42331),
};

/** What must not change with layout or encoding: per measure lead, participants, deadline and title. */
function signature(file: ExtractedFile) {
  return file.documents.flatMap((d) =>
    d.measures.map((m) => ({
      lead: m.lead,
      participants: m.participants,
      deadline: m.deadline,
      title: m.title,
    })),
  );
}

/** Paragraphs as one string each: the hard wraps (a blank line after every line) are undone first. */
function paragraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t === '' || /^-\s*\d+\s*-$/.test(t)) continue;
    const startsNew =
      /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|国务院|各省|〔)/.test(t);
    if (out.length === 0 || startsNew) out.push(t);
    else out[out.length - 1] += t;
  }
  return out;
}

/** Re-wraps at `width` characters with a blank line after every line, page footers and page-start spaces. */
function rewrap(text: string, width: number): string {
  const out: string[] = [];
  let page = 1;
  for (const p of paragraphs(text)) {
    for (let i = 0; i < p.length; i += width) {
      const pageStart = out.length > 0 && out.length % 60 === 0;
      if (pageStart) out.push(`- ${page++} -`, '');
      out.push(`${pageStart ? ' ' : ''}${p.slice(i, i + width)}`, '');
    }
  }
  return out.join('\n');
}

const toAscii = (text: string) =>
  text.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/：/g, ':').replace(/；/g, ';');

describe('extraction is invariant under layout, punctuation and encoding', () => {
  for (const [id, text] of Object.entries(SAMPLES)) {
    const expected = signature(extractText(text, id));

    it(`${id}: finds measures in the original`, () => {
      expect(expected.length).toBeGreaterThan(20);
      expect(expected.every((m) => m.lead.length > 0)).toBe(true);
    });

    it(`${id}: same measures with CRLF line ends`, () => {
      expect(signature(extractText(text.replace(/\n/g, '\r\n'), id))).toEqual(expected);
    });

    it(`${id}: same measures with ASCII punctuation`, () => {
      expect(signature(extractText(toAscii(text), id))).toEqual(expected);
    });

    it(`${id}: same measures when encoded as GB18030`, () => {
      const file = extractBuffer(new Uint8Array(iconv.encode(text, 'gb18030')), id);
      expect(file.encoding).toBe('gb18030');
      expect(signature(file)).toEqual(expected);
    });

    it(`${id}: same measures when re-wrapped at another width with page footers`, () => {
      expect(signature(extractText(rewrap(text, 22), id))).toEqual(expected);
    });
  }

  for (const [id, text] of Object.entries(TABLE_SAMPLES)) {
    const expected = signature(extractText(text, id));

    it(`${id} (table): finds its rows in the original`, () => {
      expect(expected.length).toBeGreaterThan(20);
      expect(expected.filter((m) => m.lead.length > 0).length).toBeGreaterThan(20);
    });

    it(`${id} (table): same rows with CRLF line ends`, () => {
      expect(signature(extractText(text.replace(/\n/g, '\r\n'), id))).toEqual(expected);
    });

    it(`${id} (table): same rows with ASCII punctuation`, () => {
      expect(signature(extractText(toAscii(text), id))).toEqual(expected);
    });

    it(`${id} (table): same rows when the header row is wrapped over two lines`, () => {
      const wrappedHeader = text.replace(/^(任务类别 重点工作 具体举措|工作任务) (.*)$/m, '$1\n\n$2');
      expect(wrappedHeader).not.toBe(text);
      expect(signature(extractText(wrappedHeader, id))).toEqual(expected);
    });

    it(`${id} (table): same rows when encoded as GB18030`, () => {
      const file = extractBuffer(new Uint8Array(iconv.encode(text, 'gb18030')), id);
      expect(signature(file)).toEqual(expected);
    });
  }
});
