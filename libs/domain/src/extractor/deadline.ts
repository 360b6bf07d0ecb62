import { dottedDateCell, monthCell, yearWindowCell } from './deadline-cells';
import { maskCalendarSlogans } from './deadline-slogans';
import * as DEADLINE_MONTHS from './deadline-months';
import type { Dated } from './deadline-months';
import { findRecurring, recurringCell } from './deadline-recurring';
import type { Milestone, ParsedDeadline } from './types';
// Local copies of the imports used per date phrase: under tsx every use of an import is a getter call.
const { insideBookTitle, monthEnd, pad, scanMonths, withFirstMonth } = DEADLINE_MONTHS;

export interface DeadlineOptions {
  /** Year of the document (from its date or 文号), used for 年内 / 年底前 without a year. */
  documentYear: number | null;
  /**
   * A row of an annual work plan (001-082): a bare year inside a noun phrase (组织召开2022年工业互联网大会) is the
   * first date the row states and is read literally (gold README), while running text needs it clause-initial.
   */
  planRow?: boolean;
}

/*
 * Rules (see deadline.spec.ts for a corpus example of each):
 * - The deadline is the END of the stated period: 2016年6月底前 → 2016-06-30, 2017年底前 → 12-31,
 *   上半年/年中 → 06-30, 下半年/年内/年底 → 12-31, 第N季度 → end of its last month, 2018年 / 到2020年 /
 *   2020年前 → 12-31 of that year. A stated day is that day (2018年7月1日前 → 2018-07-01).
 * - A month "before" is read as the end of that month: 2018年12月前 → 2018-12-31, because the
 *   documents use 12月前 and 12月底前 interchangeably for year-end deliverables.
 * - Not deadlines: durations (5年内, 两年内, 3个月内, 7个工作日内), baselines (比/较/与2015年),
 *   start dates (2013年起, 自2015年1月1日起, 2020年1月1日起实施, …以来, …后), ranges and plan periods
 *   (2016-2020年, 2015—2020年, 2016年至2020年), titles inside 《》, 年度/版/本/第N号 labels, and
 *   periods that ended before the document's year (至2013年底 in a 2014 document is a statement
 *   of achievements, not a task).
 * - A bare year (2018年) counts only at the start of a sentence or clause (2018年，制定…;
 *   2015年广泛开展试点…), not inside a noun phrase (深化医药卫生体制改革2016年重点工作任务).
 * - Ongoing applies to 持续实施/长期坚持/持续推进 only (the list; 持续开展/持续组织 describe the work, not
 *   its timing), and only when no dated phrase occurs.
 * - 年内/年底前/上半年 without a year take the document's year (明年年底 the next one); with no document year
 *   the phrase is still returned, with a null date.
 */

const S = '[\\s\\u3000]*';
const CN_DIGIT = '〇○零一二三四五六七八九';

/** Characters that turn 年内/年中/年底 into a duration or a different word (5年内, 两年内, 每年中, 青年中). */
const REL_DENY_BEFORE = `0-9０-９${CN_DIGIT}十百千两几多数半个每近全历往青少老成学财周余去明年`;

const DATE_PHRASE = new RegExp(
  `(?<prefix>(?:(?:力争|争取|确保|计划|预计)(?:在|于|到)?|截至|截止到|截止|最迟于|不晚于|到|至|于|在)${S})?` +
    `(?:(?<year>\\d{4}|[${CN_DIGIT}]{4})${S}年${S}` +
    `(?:(?<month>\\d{1,2})${S}月${S}(?:(?<day>\\d{1,2})${S}[日号]|(?<mpart>底|末|上旬|中旬|下旬))?` +
    `|(?<ypart>上半年|下半年|年中|年底|年末|底|末|内(?![容部涵])|第?[一二三四1-4]季度))?` +
    `|(?<![${REL_DENY_BEFORE}][\\s\\u3000]*)(?<rel>(?:今年|本年|当年|明年)?(?:年底|年末|年内(?![容部涵])|上半年|下半年|年中(?![国央华心外])|第?[一二三四]季度)|(?:今年|本年)适当时候|剩下的半年时间))` +
    `(?<before>${S}(?:之前|以前|前))?`,
  'gu',
);

// `今年适当时候`, `在剩下的半年时间里`: the rest of the document year, read as its end (LABELLING §5).
const ONGOING = /持续实施|长期坚持|持续推进/u;

const BASELINE_BEFORE = /(?:比|较|与|同|相比|自|从|始于|早于|晚于)$/u;
const RANGE_BEFORE =
  /(?:\d{4}|[〇○零一二三四五六七八九]{4})[\s\u3000]*年?[\s\u3000]*[-—–~～－至到][\s\u3000]*$/u;
/** The start of a window (`2016—2020年`, `1997年10月――1998年2月`, `1997年4―6月`): its end is the date, read by WINDOW. */
const RANGE_AFTER =
  /^[\s\u3000]*(?:[-—–~～－至到]|―{1,2})[\s\u3000]*(?:\d{4}|[〇○零一二三四五六七八九]{4})|^\d{1,2}[\s\u3000]*(?:[-—–~～－至到]|―{1,2})[\s\u3000]*\d{1,2}[\s\u3000]*月/u;
const START_AFTER =
  /^[\s\u3000]*(?:起|以来|开始|以后|之后|后|施行|印发|发布|颁布|公布|召开|举行|推出|提出|通过|成立|签署|度|版|本|第|的|是|为|我|全国|中国|共|左右|内容)/u;
const TARGET_PREFIX = /^(?:力争|争取|确保|计划)/u;
/** A year's tasks as a noun phrase: `2020年各项年度目标任务`, `2023年全年重点工作任务`, `2021年重点任务`. */
const PLAN_YEAR_TASKS =
  /^的?(?:(?:各项|全年|年度|主要)*(?:重点)?(?:目标任务|工作任务|重点工作|任务)|各项工作|全?[省市县区]?《)/u;
const CLAUSE_START = /(?:^|[。；，：！？、）)】．.\n])$/u;
/** `X年以前，…每半年召开`: a year bounding the rhythm stated in its sentence. */
const BOUNDED_RHYTHM = /^，[^。；]*?每(?:年|半年|季度|月)/u;
/** The sentence after a window reporting it done: 连续N年, or a past verb (进行了/开展了/组织了/完成了). */
const REPORTED_DONE = /^[^。；]*?(?:连续[一二三四五六七八九十两\d]{1,2}年|(?:进行|开展|组织|完成|实施)了)/u;

function cnYear(text: string): number {
  if (/^\d{4}$/.test(text)) return Number(text);
  let value = 0;
  // 〇, ○ and 零 are all zero; 一…九 follow them in CN_DIGIT.
  for (const ch of text) value = value * 10 + Math.max(0, CN_DIGIT.indexOf(ch) - 2);
  return value;
}

function quarterMonth(text: string): number {
  const digit = text.replace(/[^一二三四1-4]/g, '');
  return (
    ({ 一: 3, 二: 6, 三: 9, 四: 12, '1': 3, '2': 6, '3': 9, '4': 12 } as Record<string, number>)[digit] ?? 12
  );
}

function yearPartEnd(year: number, part: string): string {
  if (part === '上半年' || part === '年中') return monthEnd(year, 6);
  if (part.includes('季度')) return monthEnd(year, quarterMonth(part));
  return monthEnd(year, 12);
}

interface DateGroups {
  prefix?: string;
  year?: string;
  month?: string;
  day?: string;
  mpart?: string;
  ypart?: string;
  rel?: string;
  before?: string;
}

interface Candidate {
  deadline: string | null;
  /** Last year covered by the phrase, for the past-period rule. */
  year: number | null;
}

function evaluate(groups: DateGroups, documentYear: number | null): Candidate | null {
  if (groups.rel !== undefined) {
    if (documentYear === null) return { deadline: null, year: null };
    // 明年年底 in a plan signed in December (2022年12月27日) is the end of the plan year.
    const year = groups.rel.startsWith('明年') ? documentYear + 1 : documentYear;
    return { deadline: yearPartEnd(year, groups.rel.replace(/^(?:今年|本年|当年|明年)/, '')), year };
  }
  if (groups.year === undefined) return null;
  const year = cnYear(groups.year);
  if (year < 1900 || year > 2100) return null;
  if (groups.month !== undefined) {
    const month = Number(groups.month);
    if (month < 1 || month > 12) return null;
    if (groups.day !== undefined) {
      const day = Number(groups.day);
      const last = Number(monthEnd(year, month).slice(8));
      if (day < 1 || day > last) return null;
      return { deadline: `${year}-${pad(month)}-${pad(day)}`, year };
    }
    if (groups.mpart === '上旬') return { deadline: `${year}-${pad(month)}-10`, year };
    if (groups.mpart === '中旬') return { deadline: `${year}-${pad(month)}-20`, year };
    return { deadline: monthEnd(year, month), year };
  }
  if (groups.ypart !== undefined) return { deadline: yearPartEnd(year, groups.ypart), year };
  return { deadline: monthEnd(year, 12), year };
}

function isBareYear(groups: DateGroups): boolean {
  return isBareYearAnyPrefix(groups) && groups.prefix === undefined;
}

/** isBareYear whatever prefix (到/于/在) it has (no copy of the groups made per date found). */
function isBareYearAnyPrefix(groups: DateGroups): boolean {
  return (
    groups.year !== undefined &&
    groups.month === undefined &&
    groups.ypart === undefined &&
    groups.before === undefined
  );
}

/** A date without 前 and without 到/于/在: in running text it dates an event, not a task. */
function isUnboundedDate(groups: DateGroups): boolean {
  return groups.year !== undefined && groups.before === undefined && groups.prefix === undefined;
}

/**
 * `2024年，全市交通运输系统要聚焦主责主业…`: a year opening a clause whose sentence names nothing to finish (no
 * completion verb, no step, no figure) is the work year a meeting's call is for (§5 plan years) or the year its
 * narrative looks back on (`2021年，全县各级各部门…拼搏实干`, `2018年在…领导下，…贡献了积极力量`), not a deadline.
 */
const YEAR_CALL_AFTER =
  /^(?:，|在[^，。；]{2,30}?(?:领导|指导|支持)下)(?![^。；]*?(?:完成|实现|建成|达到|达标|覆盖|启动|出台|印发|制定|制订|建立|开展|推行|(?<![提目当])前|底(?!线)|到位|使用|竣工|开工|通过|验收|提高|增长|下降|控制|新增|改造|培训|[\d一二三四五六七八九十]+[个所项家户人%]))/u;
/** The rest of a clause that is only a noun phrase ending in 情况 (…完成情况，): a topic, see scanDated. */
const YEAR_TOPIC_AFTER =
  /^(?![^，。；]*?(?:将|要|应|须|会同|根据|按照|负责|组织))[^，。；、：]{2,24}情况[，。；]/u;

type ScanMode = 'text' | 'cell';

function scanDated(text: string, options: DeadlineOptions, mode: ScanMode): Dated[] {
  const found: Dated[] = [];
  // Every dated phrase contains 年 (a year, 年底/年内/上半年 …) or 季度; most measure texts can be skipped at once.
  if (!text.includes('年') && !text.includes('季度')) return found;
  DATE_PHRASE.lastIndex = 0;
  for (let match = DATE_PHRASE.exec(text); match !== null; match = DATE_PHRASE.exec(text)) {
    if (match[0].length === 0) {
      DATE_PHRASE.lastIndex++;
      continue;
    }
    const groups = (match.groups ?? {}) as DateGroups;
    const before = text.slice(Math.max(0, match.index - 12), match.index).replace(/[\s\u3000]+$/u, '');
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 6);
    if (groups.prefix === undefined && BASELINE_BEFORE.test(before)) continue;
    if (groups.year !== undefined && RANGE_AFTER.test(after)) continue;
    let yearWindow = false;
    if (groups.year !== undefined && RANGE_BEFORE.test(before + (groups.prefix ?? ''))) {
      // `2012－2015年，城镇年均新增就业…`: a clause-initial window in running text ends with its last year; plan
      // periods (（2016—2020年）, 2016-2020年规划, 2016—2020年期间) are not deadlines.
      const start = RANGE_BEFORE.exec(before + (groups.prefix ?? ''));
      const head = start ? (before + (groups.prefix ?? '')).slice(0, start.index) : before;
      // In a cell, `2016—2017 年底前` is a window whose end is the deadline.
      const cellWindow = mode === 'cell' && head.trim() === '' && groups.before !== undefined;
      const window =
        cellWindow ||
        (mode === 'text' &&
          groups.month === undefined &&
          CLAUSE_START.test(head) &&
          !head.endsWith('（') &&
          /^[\s\u3000]*[，,]/u.test(after));
      if (!window) continue;
      // `2002年到2005年，A连续四年组织…进行了评估。`: a window the text reports as done dates past work, no step due.
      if (REPORTED_DONE.test(text.slice(match.index + match[0].length))) continue;
      yearWindow = true;
    }
    // `力争今年年内推出`: a target's verb (推出/召开 …) is what is due, not an event the date marks.
    const target = groups.prefix !== undefined && TARGET_PREFIX.test(groups.prefix);
    if (groups.before === undefined && !target && START_AFTER.test(after)) continue;
    // `2008年以前，A每半年召开一次例会`: the year bounds a rhythm the sentence sets, no step is due by it.
    if (
      groups.year !== undefined &&
      groups.month === undefined &&
      groups.ypart === undefined &&
      match[0].endsWith('以前') &&
      BOUNDED_RHYTHM.test(text.slice(match.index + match[0].length))
    )
      continue;
    // `确保2020年各项年度目标任务圆满完成`, `确保2023年市《政府工作报告》…`: the year names the tasks or their report (§5).
    if (isBareYearAnyPrefix(groups) && PLAN_YEAR_TASKS.test(text.slice(match.index + match[0].length)))
      continue;
    if (insideBookTitle(text, match.index)) continue;
    if (isBareYear(groups) && !yearWindow && !options.planRow && !CLAUSE_START.test(before)) continue;
    // `1998年农业生产目标责任制完成情况，作为考核…的重要内容`: a year opening the topic of a report or appraisal (its
    // clause a noun phrase ending in 情况) dates what is assessed, not a step the party must finish.
    if (isBareYear(groups) && !yearWindow && YEAR_TOPIC_AFTER.test(text.slice(match.index + match[0].length)))
      continue;
    if (
      isBareYear(groups) &&
      !yearWindow &&
      mode === 'text' &&
      YEAR_CALL_AFTER.test(text.slice(match.index + match[0].length))
    )
      continue;
    if (mode === 'text' && isUnboundedDate(groups)) {
      // A signature (2017年8月8日) or …于2015年3月印发 dates an event; 2015年3月实施 in a cell is a deadline.
      if (groups.day !== undefined) continue;
      if (groups.month !== undefined && groups.mpart === undefined && !CLAUSE_START.test(before)) continue;
      // 2016 年 4 月 15 (a signature cut by the page) is a day date, not a month deadline.
      if (groups.month !== undefined && /^[\s\u3000]*\d/u.test(after)) continue;
    }
    const candidate = evaluate(groups, options.documentYear);
    if (!candidate) continue;
    if (candidate.year !== null && options.documentYear !== null && candidate.year < options.documentYear)
      continue;
    found.push({ deadline: candidate.deadline, text: match[0].trim(), index: match.index });
  }
  return found;
}

/** The clause around a dated phrase (`2015年广泛开展试点`), for a milestone's text. */
function clauseAround(text: string, index: number): string {
  const before = Math.max(
    text.lastIndexOf('，', index - 1),
    text.lastIndexOf('。', index - 1),
    text.lastIndexOf('；', index - 1),
    text.lastIndexOf('：', index - 1),
  );
  const rest = text.slice(index).search(/[，。；]/u);
  return text.slice(before + 1, rest === -1 ? text.length : index + rest).replace(/[\s\u3000]+/gu, '');
}

/**
 * Several dated steps: the deadline is the completion (latest) date, each earlier step a milestone
 * (`2015年广泛开展试点，2017年12月底前完成` → 2017-12-31, milestone 2015-12-31). A window
 * (`2019年1月1日至12月31日`) ends at its last day.
 */
function findDated(text: string, options: DeadlineOptions, mode: ScanMode): ParsedDeadline | null {
  // `2021年元月底前`: 元月 is read as 1月 (same length, so every index and text maps back to the written one).
  const read = withFirstMonth(text);
  const dated = [
    ...scanWindows(read, options),
    ...scanMonths(read, options.documentYear),
    ...scanDated(read, options, mode),
  ].sort((a, b) => a.index - b.index);
  if (read !== text) for (const d of dated) d.text = text.slice(d.index, d.index + d.text.length);
  if (dated.length === 0) return null;
  let last: Dated | undefined = dated[0];
  if (!last) return null;
  for (const d of dated)
    if (d.deadline !== null && (last.deadline === null || d.deadline >= last.deadline)) last = d;
  const milestones: Milestone[] = [];
  for (const d of dated) {
    if (d === last || d.deadline === null || d.deadline === last.deadline) continue;
    // Two steps due the same day are two milestones (`9月底前下达80%以上` and `第3季度…检查`); one clause found twice is one.
    const clause = clauseAround(text, d.index);
    if (milestones.some((m) => m.date === d.deadline && m.text === clause)) continue;
    milestones.push({ date: d.deadline, text: clause });
  }
  milestones.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const result: ParsedDeadline = { deadline: last.deadline, deadlineText: last.text, deadlineKind: 'date' };
  if (milestones.length > 0) result.milestones = milestones;
  return result;
}

/** `1997年4―6月` (the start month without 月) and `1997年10月――1998年2月` (a doubled horizontal bar) are windows too. */
const WINDOW =
  /(?<y1>\d{4})[\s\u3000]*年[\s\u3000]*(?<m1>\d{1,2})[\s\u3000]*(?:月(?:[\s\u3000]*(?<d1>\d{1,2})[\s\u3000]*日)?)?[\s\u3000]*(?:起)?[\s\u3000]*(?:[至到—－~～-]|―{1,2})[\s\u3000]*(?:(?<y2>\d{4})[\s\u3000]*年)?[\s\u3000]*(?<m2>\d{1,2})[\s\u3000]*月(?:[\s\u3000]*(?<d2>\d{1,2})[\s\u3000]*日)?(?:底|末)?/gu;

/** Windows with a start and an end month/day: `2019年1月1日至12月31日` → 2019-12-31. */
function scanWindows(text: string, options: DeadlineOptions): Dated[] {
  if (!text.includes('月')) return [];
  const found: Dated[] = [];
  WINDOW.lastIndex = 0;
  for (let m = WINDOW.exec(text); m !== null; m = WINDOW.exec(text)) {
    const g = m.groups ?? {};
    const year = Number(g['y2'] ?? g['y1']);
    const month = Number(g['m2']);
    if (month < 1 || month > 12 || year < 1900 || year > 2100) continue;
    if (options.documentYear !== null && year < options.documentYear) continue;
    const end = monthEnd(year, month);
    const day = g['d2'] !== undefined ? Number(g['d2']) : null;
    if (day !== null && (day < 1 || day > Number(end.slice(8)))) continue;
    found.push({
      deadline: day === null ? end : `${end.slice(0, 8)}${pad(day)}`,
      text: m[0],
      index: m.index,
    });
  }
  return found;
}

function findOngoing(text: string): ParsedDeadline | null {
  const match = ONGOING.exec(text);
  return match ? { deadline: null, deadlineText: match[0], deadlineKind: 'ongoing' } : null;
}

/** `于年中和年末分别组织一次自查`: twice a year (LABELLING §5), not two dates of the document's year. */
const MID_AND_YEAR_END = /年中(?:和|、|及|与)年(?:末|底)/u;

/** Finds the deadline stated in a measure's text (not durations, not baselines); earlier steps are milestones. */
export function findDeadline(text: string, options: DeadlineOptions): ParsedDeadline | null {
  const halfYearly = text.includes('年中') ? MID_AND_YEAR_END.exec(text) : null;
  if (halfYearly) {
    const rest = `${text.slice(0, halfYearly.index)}…${text.slice(halfYearly.index + halfYearly[0].length)}`;
    return (
      findDated(rest, options, 'text') ?? {
        deadline: null,
        deadlineText: halfYearly[0],
        deadlineKind: 'recurring',
        period: 'half-year',
      }
    );
  }
  const dated = maskCalendarSlogans(text); // a quoted slogan's calendar words are no dates, its rhythm counts
  return findDated(dated, options, 'text') ?? findRecurring(text) ?? findOngoing(dated);
}

const MONTH_WITHOUT_YUE = /(\d{4}[\s\u3000]*年[\s\u3000]*\d{1,2})[\s\u3000]*([底末][\s\u3000]*前)/u;

/** Parses a table 时间进度 cell or a 时间节点： field. */
export function parseDeadlineCell(cell: string, options: DeadlineOptions): ParsedDeadline | null {
  const text = cell
    .replace(/^[\s\u3000]*(?:时间节点|时间进度|完成时限|完成时间)[：:][\s\u3000]*/u, '')
    // `2016 年 6 底前` (月 dropped in a cell) is the end of that month.
    .replace(MONTH_WITHOUT_YUE, '$1月$2');
  return (
    findDated(text, options, 'cell') ??
    yearWindowCell(text) ??
    dottedDateCell(text) ??
    monthCell(text, options.documentYear) ??
    findRecurring(text) ??
    recurringCell(text) ??
    findOngoing(text) ??
    longTerm(text)
  );
}

/** A cell that says only 长期 (长期坚持/长期推进) or 常态 (常态工作/常态化) is ongoing. */
function longTerm(text: string): ParsedDeadline | null {
  const m = /^[\s\u3000]*(长期|常态)/u.exec(text);
  return m ? { deadline: null, deadlineText: m[1] ?? '长期', deadlineKind: 'ongoing' } : null;
}
