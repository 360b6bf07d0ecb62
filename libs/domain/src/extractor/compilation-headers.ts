import { isoDate, normalizeDocNumber } from './doc-markers';
import { matchHeading } from './headings';
import type { Line } from './text';

/**
 * The headers of a compilation (a file holding many documents): the compiler's entry header
 * `N.Title（文号）（issuer/date）` and the table of contents whose titles mark where documents start.
 */
const TRAILER = /（([^（）]*?)[/／]?(\d{4})年(\d{1,2})月(?:(\d{1,2})日)?）+$/;
const BRACKET_DOCNO = /（([^（）]*(?:〔\d{4}〕〕?\d{1,4}号|公告\d{4}年第\d{1,4}号|\d{4}年第\d{1,4}号))）$/;
const EXCERPT = /（节选）$/;
const TOC_LINE = /^(.+?)(?:\.{3,}|…{2,}|·{3,})\d+$/;

export interface EntryHeader {
  title: string;
  docNumber: string | null;
  issuer: string | null;
  headerDate: string | null;
}

export function parseEntryHeader(joined: string): EntryHeader {
  let rest = joined.replace(/^\d{1,3}[.．]/, '');
  let issuer: string | null = null;
  let headerDate: string | null = null;
  let m: RegExpExecArray | null;
  // Trailers may be duplicated (001-024) or carry a doubled close paren (001-082).
  while ((m = TRAILER.exec(rest))) {
    if (headerDate === null) {
      issuer = (m[1] ?? '').trim() || null;
      headerDate = m[4] ? isoDate(Number(m[2]), Number(m[3]), Number(m[4])) : null;
    }
    rest = rest.slice(0, m.index);
  }
  let docNumber: string | null = null;
  if ((m = BRACKET_DOCNO.exec(rest))) {
    docNumber = normalizeDocNumber(m[1] ?? '');
    rest = rest.slice(0, m.index);
  }
  rest = rest.replace(EXCERPT, '');
  return { title: rest, docNumber, issuer, headerDate };
}

export function tocTitles(lines: readonly Line[]): { titles: Set<string>; end: number } {
  const titles = new Set<string>();
  let end = -1;
  for (let i = 0; i < Math.min(lines.length, 200); i++) {
    const line = lines[i];
    if (!line || line.kind !== 'text') continue;
    const m = TOC_LINE.exec(line.text);
    if (!m) continue;
    const h = matchHeading(m[1] ?? '');
    titles.add(h ? h.rest : (m[1] ?? ''));
    end = i;
  }
  return { titles, end };
}
