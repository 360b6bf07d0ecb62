/**
 * Yearless dates (`5月底前`, `4月20日（星期五）前`, `（分别在6月、9月和12月底）`) read in the document's year, and the
 * date helpers deadline.ts shares with them.
 */

export interface Dated {
  deadline: string | null;
  text: string;
  index: number;
}

export function pad(value: number): string {
  return String(value).padStart(2, '0');
}

export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function insideBookTitle(text: string, index: number): boolean {
  return text.lastIndexOf('《', index) > text.lastIndexOf('》', index);
}

/**
 * `元月` is January (`2021年元月底前`, `元月15日前`); never after a figure or a numeral, where 元 is the currency
 * (`每人300元月底前发放`).
 */
const FIRST_MONTH = /(?<![\d０-９〇○零一二三四五六七八九十百千万亿两元])元月/gu;

/** The text with 元月 written 1月: the same length, so indices and spans of the written text still hold. */
export function withFirstMonth(text: string): string {
  return text.includes('元月') ? text.replace(FIRST_MONTH, '1月') : text;
}

/**
 * `6月23日下午5：00前`, `6月20日18：00前`, `4月10日17时前`: the hour of a yearless day, not kept (LABELLING §5: the day is
 * the deadline); the part of the day (上午/下午/晚上) may stand before it.
 */
const CLOCK =
  '(?:(?:上午|下午|中午|晚上|晚|早上)?[\\s\\u3000]*\\d{1,2}[\\s\\u3000]*(?:[：:][\\s\\u3000]*\\d{2}|时|点)(?:整)?[\\s\\u3000]*)?';
const MONTH_ONLY = new RegExp(
  String.raw`(?<![\d０-９年月])(\d{1,2})[\s\u3000]*月[\s\u3000]*(?:(\d{1,2})[\s\u3000]*[日号])?(底|末|上旬|中旬|下旬)?[\s\u3000]*(?:（星期[一二三四五六日天]）)?(?=(?:[、和][\s\u3000]*\d{1,2}[\s\u3000]*月(?:[\s\u3000]*\d{1,2}[\s\u3000]*[日号])?(?:底|末)?)*[\s\u3000]*${CLOCK}(?:前|以前|之前))`,
  'gu',
);

/**
 * `（分别在6月、9月和12月底）`, `于5月底`: yearless month ends after 在/于 without 前, the list closed by 底/末 (a
 * bare `于6月召开` dates an event).
 */
const MONTHS_AT =
  /(?:在|于)[\s\u3000]*((?:\d{1,2}[\s\u3000]*月[\s\u3000]*(?:底|末)?[\s\u3000]*[、和及][\s\u3000]*)*\d{1,2}[\s\u3000]*月[\s\u3000]*(?:底|末))(?![\s\u3000]*(?:前|以前|之前))/gu;

const LISTED_AFTER_YEAR = /(\d{4})年\d{1,2}月[^。；年]{0,40}$/u;

/**
 * `5月底前`, `4月20日（星期五）前` without a year: the document's year (only when it is known); in a list of dates
 * sharing one 前 (`3月25日、6月25日、9月25日前`) each is a step.
 */
export function scanMonths(text: string, documentYear: number | null): Dated[] {
  if (!text.includes('月')) return [];
  const found: Dated[] = [];
  MONTH_ONLY.lastIndex = 0;
  for (let m = MONTH_ONLY.exec(text); m !== null; m = MONTH_ONLY.exec(text)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12 || insideBookTitle(text, m.index)) continue;
    // A date listed after a dated one in the same sentence (2024年3月25日、6月25日前) shares its year.
    const listed = LISTED_AFTER_YEAR.exec(text.slice(Math.max(0, m.index - 40), m.index));
    const year = listed ? Number(listed[1]) : documentYear;
    if (year === null) continue;
    // 2016 年 6 月底前 is a full date (read by scanDated), not a month of the document year.
    if (/[\d０-９年月日][\s\u3000]*$/u.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // 每年12月底前报送 recurs; it is not a date of the document's year.
    if (/每(?:年|半年|季度?)[^，。；]{0,4}$/u.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    const part = m[3];
    const day = m[2] === undefined ? null : Number(m[2]);
    if (day !== null && (day < 1 || day > Number(monthEnd(year, month).slice(8)))) continue;
    const deadline =
      day !== null
        ? `${year}-${pad(month)}-${pad(day)}`
        : part === '上旬'
          ? `${year}-${pad(month)}-10`
          : part === '中旬'
            ? `${year}-${pad(month)}-20`
            : monthEnd(year, month);
    found.push({ deadline, text: m[0], index: m.index });
  }
  scanChineseMonths(text, documentYear, found);
  if (documentYear !== null && (text.includes('底') || text.includes('末')))
    scanMonthEndsDone(text, documentYear, found);
  if (documentYear !== null && text.includes('明年')) scanNextYearMonths(text, documentYear, found);
  if (documentYear !== null && (text.includes('在') || text.includes('于'))) {
    const year = documentYear;
    MONTHS_AT.lastIndex = 0;
    for (let m = MONTHS_AT.exec(text); m !== null; m = MONTHS_AT.exec(text)) {
      // 2016年于6月底 / 每年在12月底: read by scanDated or recurring, not a month of the document's year.
      if (
        /(?:\d[\s\u3000]*年|每(?:年|半年|季度?))[^，。；]{0,2}$/u.test(
          text.slice(Math.max(0, m.index - 6), m.index),
        )
      )
        continue;
      if (insideBookTitle(text, m.index)) continue;
      const list = m[1] ?? '';
      const start = m.index + m[0].length - list.length;
      for (const month of list.matchAll(/(\d{1,2})[\s\u3000]*月(?:[\s\u3000]*(?:底|末))?/gu)) {
        const n = Number(month[1]);
        if (n < 1 || n > 12) continue;
        found.push({ deadline: monthEnd(year, n), text: month[0], index: start + (month.index ?? 0) });
      }
    }
  }
  return found;
}

/** `六月底前`, `一九九七年四月底前` (older State Council texts write months in Chinese numerals). */
const CN_MONTH_BEFORE =
  /(?<![〇○零一二三四五六七八九十月])(?:([〇○零一二三四五六七八九]{4})年)?(十[一二]?|[一二三四五六七八九])月(?:底|末)?(?:以|之)?前/gu;
const CN_DIGITS = '〇一二三四五六七八九';

function cnNumber(text: string): number {
  if (text.startsWith('十')) return 10 + (text.length > 1 ? CN_DIGITS.indexOf(text.charAt(1)) : 0);
  let n = 0;
  for (const c of text) n = n * 10 + Math.max(0, CN_DIGITS.indexOf(c === '○' || c === '零' ? '〇' : c));
  return n;
}

function scanChineseMonths(text: string, documentYear: number | null, found: Dated[]): void {
  // Cheap screen: this runs for every measure; most texts have no month in Chinese numerals.
  if (!text.includes('月') || !/[一二三四五六七八九十]月/u.test(text)) return;
  CN_MONTH_BEFORE.lastIndex = 0;
  for (let m = CN_MONTH_BEFORE.exec(text); m !== null; m = CN_MONTH_BEFORE.exec(text)) {
    const year = m[1] ? cnNumber(m[1]) : documentYear;
    if (year === null || insideBookTitle(text, m.index)) continue;
    // 每年六月底前报送 recurs; it is not a date of the document's year.
    if (!m[1] && /每(?:年|半年|季度?)[^，。；]{0,4}$/u.test(text.slice(Math.max(0, m.index - 8), m.index)))
      continue;
    found.push({ deadline: monthEnd(year, cnNumber(m[2] ?? '')), text: m[0], index: m.index });
  }
}

/** `明年7月份建成`, `明年11月底前`: a month of the year after the document's (LABELLING §5; 明年年底 is deadline.ts's). */
const NEXT_YEAR_MONTH = /明年[\s\u3000]*(\d{1,2})[\s\u3000]*月(?:份|底|末)?/gu;

function scanNextYearMonths(text: string, documentYear: number, found: Dated[]): void {
  NEXT_YEAR_MONTH.lastIndex = 0;
  for (let m = NEXT_YEAR_MONTH.exec(text); m !== null; m = NEXT_YEAR_MONTH.exec(text)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12 || insideBookTitle(text, m.index)) continue;
    found.push({ deadline: monthEnd(documentYear + 1, month), text: m[0], index: m.index });
  }
}

/**
 * `11月底完成`, `确保10月底全面建成`, `力争9月末投用`: a yearless month end run on into the completion it dates (without
 * 前), the document's year; a bare `11月召开` dates an event and is not read.
 */
const MONTH_END_DONE =
  /(?<![\d０-９年月])(\d{1,2})[\s\u3000]*月[\s\u3000]*(?:底|末)(?=(?:全面|基本|全部)?(?:完成|建成|实现|到位|出台|印发|开工|竣工|完工|投用|投入使用|交付使用|投产|办结))/gu;

function scanMonthEndsDone(text: string, documentYear: number, found: Dated[]): void {
  MONTH_END_DONE.lastIndex = 0;
  for (let m = MONTH_END_DONE.exec(text); m !== null; m = MONTH_END_DONE.exec(text)) {
    const month = Number(m[1]);
    if (month < 1 || month > 12 || insideBookTitle(text, m.index)) continue;
    if (found.some((f) => f.index === m.index)) continue;
    // 2016 年 6 月底完成 is a full date (read by scanDated), not a month of the document year.
    if (/[\d０-９年月日][\s\u3000]*$/u.test(text.slice(Math.max(0, m.index - 4), m.index))) continue;
    // 每年11月底完成 recurs; it is not a date of the document's year.
    if (/每(?:年|半年|季度?)[^，。；]{0,4}$/u.test(text.slice(Math.max(0, m.index - 8), m.index))) continue;
    found.push({ deadline: monthEnd(documentYear, month), text: m[0], index: m.index });
  }
}

const CI = '次'.charCodeAt(0);
const NIAN = '年'.charCodeAt(0);
const DU = '度'.charCodeAt(0);
const YUE = '月'.charCodeAt(0);
const JI = '季'.charCodeAt(0);

/**
 * The screen of deadline.ts's ONCE_PER (`月开展一次`, `半年一通报`, `一季一督查`): a 一次, 年一, 度一, 月一 or 季一 — one search for the 一s
 * instead of four searches of the whole text.
 */
export function mayRecurOnce(text: string): boolean {
  for (let at = text.indexOf('一'); at !== -1; at = text.indexOf('一', at + 1)) {
    const prev = text.charCodeAt(at - 1);
    if (text.charCodeAt(at + 1) === CI || prev === NIAN || prev === DU || prev === YUE || prev === JI)
      return true;
  }
  return false;
}
