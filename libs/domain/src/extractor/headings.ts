/**
 * Heading enumerators of Chinese policy texts, normalised for measure paths (`一`, `（一）`, `1.`, `（1）`, `①`, `第一章`,
 * `1.1` / `2.3.1`, `第一条`).
 */
export type HeadingType = 'part' | 'cn' | 'cnParen' | 'num' | 'numParen' | 'circled' | 'decimal' | 'article';

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
const PART = /^第([一二三四五六七八九十百零〇]{1,4})([篇章节])/;
/** `第一条`: an article of 办法/规定/通告 texts. */
const ARTICLE = /^第([一二三四五六七八九十百零〇]{1,4})条/;
/**
 * `1.1完成…` / `2.3.1 …` (spaces are gone from normalised text): a section number, unless a unit of a figure follows
 * (`1.5万人`, `2.5亿元`, `76.34岁`); section numbers are small (1–20, then 1–49).
 */
const DECIMAL =
  /^((?:[1-9]|1\d|20)[.．](?:[1-9]|[1-4]\d)(?:[.．]\d{1,2}){0,2})[.．、]?(?=[\u4e00-\u9fff（“《])(?![万亿千百个元米倍吨亩平克公项家次人户所座条台辆余多岁年月日周天时分秒度级版期届批只件份张名位])/u;

/** 一二三四五六七八九十: the first characters of CN. */
function isCnDigit(c: number): boolean {
  return (
    c === 0x4e00 ||
    c === 0x4e8c ||
    c === 0x4e09 ||
    c === 0x56db ||
    c === 0x4e94 ||
    c === 0x516d ||
    c === 0x4e03 ||
    c === 0x516b ||
    c === 0x4e5d ||
    c === 0x5341
  );
}

export function matchHeading(text: string): Heading | null {
  // Most lines open with some other character: the first char code decides which enumerator can follow, so
  // neither a one-character string nor a regex run is needed for them (this runs for every body line).
  const c0 = text.charCodeAt(0);
  let m: RegExpExecArray | null;
  if (c0 === 0xff08) {
    if ((m = CN_PAREN.exec(text)))
      return { type: 'cnParen', label: `（${m[1]}）`, rest: text.slice(m[0].length) };
    if ((m = NUM_PAREN.exec(text)))
      return { type: 'numParen', label: `（${m[1]}）`, rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 >= 0x30 && c0 <= 0x39) {
    if ((m = NUM.exec(text))) return { type: 'num', label: `${m[1]}.`, rest: text.slice(m[0].length) };
    if ((m = DECIMAL.exec(text)))
      return { type: 'decimal', label: (m[1] ?? '').replace(/．/gu, '.'), rest: text.slice(m[0].length) };
    return null;
  }
  if (isCnDigit(c0)) {
    if ((m = CN.exec(text))) return { type: 'cn', label: m[1] ?? '', rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 >= 0x2460 && c0 <= 0x2473) {
    if ((m = CIRCLED.exec(text)))
      return { type: 'circled', label: m[1] ?? '', rest: text.slice(m[0].length) };
    return null;
  }
  if (c0 === 0x7b2c && (m = PART.exec(text)))
    return { type: 'part', label: m[0], rest: text.slice(m[0].length) };
  if (c0 === 0x7b2c && (m = ARTICLE.exec(text)))
    return { type: 'article', label: m[0], rest: text.slice(m[0].length) };
  return null;
}
