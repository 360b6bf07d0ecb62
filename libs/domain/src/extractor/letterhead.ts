import { DOCNO_LINE, normalizeDocNumber, titleIssuer } from './doc-markers';
import type { Line } from './text';

/**
 * The red-header letterhead a local document is stored with above its title: the issuing bodies alone on their
 * lines (`青溪县人民政府办公室`, a joint issue `中共青溪县委办公室  青溪县人民政府办公室` on one line or two), optionally
 * closed by `文件`, then perhaps the 文号 line, then the `关于…的通知` title. Read without it, the letterhead
 * became the document's title and the document had no issuer, so no jurisdiction: `市发展改革委` in a county's
 * document could not resolve locally.
 */
const LETTERHEAD_BODY =
  /^(?:中共)?[\u4e00-\u9fff]{1,20}?(?:人民政府|政府|委员会|县委|市委|区委|州委|省委|党委|党组|院|厅|部|委|局|署|会|办|室|组)$/u;
const LETTERHEAD_FILE = '文件';
/** The title under a letterhead: a 关于 title of a document kind, never a sentence. */
const LETTER_TITLE =
  /^[^。；：]{0,40}关于[^。；：]+(?:意见|通知|决定|规划|纲要|方案|办法|计划|要点|批复|复函|函|报告|通报|细则|清单|公告|通告|决议|答复)$/u;
/** Letterhead lines, 文号 and title together never span more lines than this. */
const MAX_HEADER_LINES = 5;

export interface Letterhead {
  /** Index of the title line (the body starts below it). */
  titleLine: number;
  title: string;
  /** The issuing bodies, one space between the bodies of a joint issue. */
  issuer: string;
  docNumber: string | null;
}

/** The issuing bodies of one letterhead line, or null when the line is anything else. */
function letterheadBodies(line: Line): string[] | null {
  const printed = line.raw.trim();
  const withoutFile = printed.endsWith(LETTERHEAD_FILE) ? printed.slice(0, -LETTERHEAD_FILE.length) : printed;
  const bodies = withoutFile.split(/\s+/u).filter((b) => b !== '');
  if (bodies.length === 0 || bodies.length > 3) return null;
  return bodies.every((b) => LETTERHEAD_BODY.test(b)) ? bodies : null;
}

/**
 * Reads a letterhead starting at line `from`: one or more letterhead lines, an optional 文号 line, then the 关于
 * title. Null when the lines there are anything else, so a plain first line stays the title.
 */
export function readLetterhead(lines: readonly Line[], from: number): Letterhead | null {
  const bodies: string[] = [];
  let docNumber: string | null = null;
  let seen = 0;
  for (let i = from; i < lines.length && seen < MAX_HEADER_LINES; i++) {
    const line = lines[i];
    if (!line || line.kind === 'blank') continue;
    if (line.kind !== 'text') return null;
    seen += 1;
    const t = line.text;
    if (bodies.length > 0 && LETTER_TITLE.test(t)) {
      return { titleLine: i, title: t, issuer: titleIssuer(t) ?? bodies.join(' '), docNumber };
    }
    const docLine = docNumber === null && bodies.length > 0 ? DOCNO_LINE.exec(t) : null;
    if (docLine) {
      docNumber = normalizeDocNumber(docLine[1] ?? '');
      continue;
    }
    const own = docNumber === null ? letterheadBodies(line) : null;
    if (!own) return null;
    bodies.push(...own);
  }
  return null;
}
