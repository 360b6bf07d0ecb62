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

// The four common enumerators are read by char codes (matchHeading runs several times for every body line; a regex
// match array per call was a large share of the extractor's allocations): `一、` is /^([一二三四五六七八九十]{1,3})、/,
// `（一）` /^（([一二三四五六七八九十]{1,3})）/, `（1）` /^（(\d{1,2})）/ and `1.` /^(\d{1,2})[.．、](?![\d.．、%])/
// ("1.51 岁", "2.0", "3.5G" are numbers, not enumerators).
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

const CLOSE = 0xff09; // ）
const DUN = 0x3001; // 、
const PERCENT = 0x25;
const CN_DIGIT = 1;
const ASCII_DIGIT = 2;
const isAsciiDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** . ． 、 after a number enumerator. */
const isNumSeparator = (c: number): boolean => c === 0x2e || c === 0xff0e || c === DUN;

/**
 * The length of the run of digits of `kind` from `at`, 0 when it is longer than `max` (the regexes' {1,max} cannot
 * end on the character after it then: that is one more digit).
 */
function runOf(text: string, at: number, kind: number, max: number): number {
  let end = at;
  while (
    end - at <= max &&
    (kind === CN_DIGIT ? isCnDigit(text.charCodeAt(end)) : isAsciiDigit(text.charCodeAt(end)))
  )
    end++;
  return end - at > max ? 0 : end - at;
}

export function matchHeading(text: string): Heading | null {
  // Most lines open with some other character: the first char code decides which enumerator can follow, so
  // neither a one-character string nor a regex run is needed for them (this runs for every body line).
  const c0 = text.charCodeAt(0);
  let m: RegExpExecArray | null;
  if (c0 === 0xff08) {
    // `（一）` then `（1）`: the enumerator's run and its closing ）.
    const cn = runOf(text, 1, CN_DIGIT, 3);
    if (cn > 0 && text.charCodeAt(1 + cn) === CLOSE)
      return { type: 'cnParen', label: text.slice(0, cn + 2), rest: text.slice(cn + 2) };
    const num = runOf(text, 1, ASCII_DIGIT, 2);
    if (num > 0 && text.charCodeAt(1 + num) === CLOSE)
      return { type: 'numParen', label: text.slice(0, num + 2), rest: text.slice(num + 2) };
    return null;
  }
  if (c0 >= 0x30 && c0 <= 0x39) {
    const num = runOf(text, 0, ASCII_DIGIT, 2);
    const after = text.charCodeAt(num + 1);
    if (
      num > 0 &&
      isNumSeparator(text.charCodeAt(num)) &&
      !(isNumSeparator(after) || isAsciiDigit(after) || after === PERCENT)
    )
      return { type: 'num', label: `${text.slice(0, num)}.`, rest: text.slice(num + 1) };
    if ((m = DECIMAL.exec(text)))
      return { type: 'decimal', label: (m[1] ?? '').replace(/．/gu, '.'), rest: text.slice(m[0].length) };
    return null;
  }
  if (isCnDigit(c0)) {
    const cn = runOf(text, 0, CN_DIGIT, 3);
    if (cn > 0 && text.charCodeAt(cn) === DUN)
      return { type: 'cn', label: text.slice(0, cn), rest: text.slice(cn + 1) };
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
