// Plain layouts (one paragraph per line, inline.ts): a stored page's line broken inside a word runs on into the next.
import { matchHeading as matchHeadingImported } from './headings';
import { CHAR_ANY } from './text';
import type { BodyLine } from './text';
import { LIMITS as LIMITSImported } from './thresholds';

// Module-local copies of imports used per line: under tsx every use of an import is a getter call.
const [matchHeading, LIMITS] = [matchHeadingImported, LIMITSImported];

const isIdeograph = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
function lastClauseBreak(text: string): number {
  return Math.max(
    text.lastIndexOf('，'),
    text.lastIndexOf('。'),
    text.lastIndexOf('；'),
    text.lastIndexOf('、'),
  );
}
/**
 * Plain layouts (one paragraph per line): a long line that stops between two ideographs (`…由办` / `公室负责…`, a
 * stored page's break inside a word) runs on into the next line; tables (tabs) and headings never do.
 */
export function brokenMidSentence(prev: string, next: string): boolean {
  return (
    prev.length >= LIMITS.brokenLineMinChars &&
    isIdeograph(prev.charCodeAt(prev.length - 1)) &&
    isIdeograph(next.charCodeAt(0)) &&
    // A clause running on unpunctuated for this long is a line that lost its punctuation, not a broken one.
    prev.length - lastClauseBreak(prev) <= LIMITS.brokenClauseMaxChars &&
    !prev.includes('\t') &&
    !next.includes('\t') &&
    !matchHeading(next) &&
    // `会议要求，…` / `会议指出，…` opens a meeting report's next paragraph, never the rest of a broken line.
    !(next.charCodeAt(0) === HUI && MEETING_OPENER.test(next))
  );
}
const HUI = '会'.charCodeAt(0);
// `…听取了关于` / `会议决定事项落实情况的汇报`: the words naming the meeting's decisions run on (broken in a noun).
const MEETING_OPENER = /^会议(?:要求|指出|强调|认为|决定|同意|研究|听取|审议|号召)(?!的|事项|精神)/u;

export function joinBrokenLines(lines: readonly BodyLine[]): readonly BodyLine[] {
  let out: BodyLine[] | null = null;
  for (let i = 1; i < lines.length; i++) {
    const prev = (out ?? lines)[out ? out.length - 1 : i - 1];
    const line = lines[i];
    if (!prev || !line) continue;
    if (brokenMidSentence(prev.text, line.text)) {
      out ??= lines.slice(0, i);
      out[out.length - 1] = {
        ...prev,
        text: prev.text + line.text,
        chars: (prev.chars ?? CHAR_ANY) | (line.chars ?? CHAR_ANY),
      };
    } else if (out) out.push(line);
  }
  return out ?? lines;
}
