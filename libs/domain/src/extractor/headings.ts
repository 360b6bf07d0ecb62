/** Heading enumerators of Chinese policy texts, normalised for measure paths (`一`, `（一）`, `1.`, `（1）`, `①`, `第一章`). */
export type HeadingType = 'part' | 'cn' | 'cnParen' | 'num' | 'numParen' | 'circled';

export interface Heading {
  type: HeadingType;
  label: string;
  /** Text after the enumerator. */
  rest: string;
}

const CN = /^([一二三四五六七八九十]{1,3})、/;
const CN_PAREN = /^（([一二三四五六七八九十]{1,3})）/;
const NUM_PAREN = /^（(\d{1,2})）/;
// "1.51 岁", "2.0", "3.5G" are numbers, not enumerators.
const NUM = /^(\d{1,2})[.．、](?![\d.．、%])/;
const CIRCLED = /^([\u2460-\u2473])/;
/** First characters of CN. */
const CN_DIGITS = '一二三四五六七八九十';
const PART = /^第([一二三四五六七八九十百零〇]{1,4})([篇章节])/;

export function matchHeading(text: string): Heading | null {
  const c0 = text.charAt(0);
  let m: RegExpExecArray | null;
  if (c0 === '（') {
    if ((m = CN_PAREN.exec(text))) return { type: 'cnParen', label: `（${m[1]}）`, rest: text.slice(m[0].length) };
    if ((m = NUM_PAREN.exec(text))) return { type: 'numParen', label: `（${m[1]}）`, rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 >= '0' && c0 <= '9') {
    if ((m = NUM.exec(text))) return { type: 'num', label: `${m[1]}.`, rest: text.slice(m[0].length) };
    return null;
  }
  // Most lines open with some other character: the first one decides which enumerator can follow (no regex runs).
  if (CN_DIGITS.includes(c0)) {
    if ((m = CN.exec(text))) return { type: 'cn', label: m[1] ?? '', rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 >= '\u2460' && c0 <= '\u2473') {
    if ((m = CIRCLED.exec(text))) return { type: 'circled', label: m[1] ?? '', rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 === '第' && (m = PART.exec(text))) return { type: 'part', label: m[0], rest: text.slice(m[0].length) };
  return null;
}
