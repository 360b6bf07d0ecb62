/**
 * Time clauses written inside a responsibility bracket beside its parties (`（A牵头，B配合，2024年6月底前完成）`,
 * `（责任单位：A，长期坚持）`, `（…，全年）`): annotation.ts splits them off before reading the parties.
 */
import { CLAUSE_SEPARATORS, splitTopLevel } from './party-list';

const DIGIT = /[0-9０-９]/;

/** Words that may open a time clause (于2024年底前完成, 力争2024年6月底前). */
const TIME_LEAD_IN = /^(?:于|在|力争|争取|确保|计划|预计)/u;
/** A completion verb closing a time clause (…底前完成, 长期坚持, 持续推进). */
const TIME_TRAIL_VERB =
  /(?:全面|基本|逐步|分批|分步|持续)?(?:完成|启动|出台|实现|建成|到位|落实|推进|坚持|开展|实施|执行|见效)(?:工作|任务|第[一二三四五]批|首批|阶段性任务|年度(?:目标)?任务|目标任务|全部任务)?$/u;
/** The verb alone, for a clause that is nothing but an adverb and its verb: 持续推进 is 持续 (ongoing) + 推进. */
const BARE_TRAIL_VERB = /(?:完成|推进|坚持|开展|实施|执行)(?:工作|任务)?$/u;
/** A reporting rhythm (每季度报送进展, 每月底前上报工作情况): the period of the reports, no completion date. */
const REPORT_TRAIL = /(?:报送|上报|报告|通报)(?:工作)?(?:进展|进度|情况|进展情况|落实情况)?$/u;
/** What is left of a dated time clause: digits and calendar words only (2024年6月底前, 2024—2025年, 2024年第二季度). */
const DATE_CHARS = /^[0-9年月日底末前以之内中上下旬全至到—－~～起止初第一二三四季度]+$/u;
/** One period of a recurring duty or report: 每年, 每半年, 每季度, 每月 … */
const EVERY_PERIOD = '每(?:年|半年|季度|季|月|周|旬)';
/** Undated time clauses: 长期, 持续, 常态化, 每季度, 全年 (a year's work: no deadline, LABELLING §5); the document's year (年内持续推进, 年底前完成). */
const UNDATED_TIME = new RegExp(
  `^(?:长期|持续|常态化?|全年|${EVERY_PERIOD}|(?:今|本)?年(?:内|底前?|末前?))$`,
  'u',
);
/** A part of the document's year written in words (三季度末前, 上半年, 第四季度, 年中, 十月底前). */
const YEAR_PART =
  /^(?:(?:今|本)年)?(?:第?[一二三四]季度|[上下]半年|年中|[一二三四五六七八九十]{1,3}月份?)(?:末|底)?(?:前|以前|之前)?$/u;
/** The rhythm of a recurring report: 每季度, 每月底前, 每半年, 每季度末5日前. */
const RECURRING_RHYTHM = new RegExp(`^${EVERY_PERIOD}(?:末|底)?(?:\\d{1,2}日)?(?:前)?$`, 'u');
export const TIME_WORD = /长期|持续|常态|每|全年|年[内底末中]|季度|半年|月/u;

/**
 * A clause of a bracket that only says when (（A牵头，B配合，2024年6月底前完成）, （责任单位：A，长期坚持）): the time
 * stands beside the parties, so it is the annotation's deadline and not a reason to reject the bracket.
 */
function isTimeClause(clause: string): boolean {
  // 2025年6月底前完成并长期坚持: two time clauses joined by 并.
  const joined = clause.indexOf('并');
  if (joined > 0) return isTimeClause(clause.slice(0, joined)) && isTimeClause(clause.slice(joined + 1));
  const opened = clause.replace(TIME_LEAD_IN, '');
  const core = opened.replace(TIME_TRAIL_VERB, '');
  if (core.length === 0) return UNDATED_TIME.test(opened.replace(BARE_TRAIL_VERB, ''));
  if (UNDATED_TIME.test(core) || (DIGIT.test(core) && DATE_CHARS.test(core)) || YEAR_PART.test(core))
    return true;
  // 每季度报送进展 / 每月底前上报工作情况: a recurring report, its rhythm before the verb.
  const rhythm = opened.replace(REPORT_TRAIL, '');
  return rhythm !== opened && RECURRING_RHYTHM.test(rhythm);
}

/** Splits a time clause off the end (or the start) of a bracket's text; `time` is undefined when there is none. */
export function splitTimeClause(text: string): { rest: string; time?: string } {
  const clauses = splitTopLevel(text, CLAUSE_SEPARATORS);
  if (clauses.length < 2) return { rest: text };
  // Dated steps (…，2025年10月底前完成第一批，12月底前全面完成): every time clause at the end belongs to the time.
  let steps = 0;
  while (steps < clauses.length - 1 && isTimeClause(clauses[clauses.length - 1 - steps] ?? '')) steps++;
  if (steps > 0) {
    // Each clause was split off at a one-character separator: the steps start after the clauses before them.
    let cut = 0;
    for (let k = 0; k < clauses.length - steps; k++) cut += (clauses[k] ?? '').length + 1;
    return { rest: trimEdges(text.slice(0, cut)), time: trimEdges(text.slice(cut)) };
  }
  const first = clauses[0] ?? '';
  if (isTimeClause(first)) return { rest: trimEdges(text.slice(first.length)), time: first };
  return { rest: text };
}

function trimEdges(text: string): string {
  return text.replace(/^[，、；。：]+|[，、；。：]+$/g, '');
}
