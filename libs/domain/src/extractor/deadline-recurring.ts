// Recurring duties (`每季度报送`, `月开展一次`, a yearly plan the party makes itself) and cells that say only how often:
// deadlineKind recurring with its period, read by deadline.ts when no dated step is stated.
import { mayRecurOnce } from './deadline-months';
import type { ParsedDeadline, RecurrencePeriod } from './types';

const RECURRING =
  /(?:每个?(?<unit>年|半年|季度|季|月)(?:度)?|(?<adv>按季度?|按月|逐月|按半年))(?:[^。；，]{0,20}?[日底]前，)?(?:[^。；，]{0,32}?)(?:报送|报告|上报|通报|发布|开展|组织|召开|评估|督查|检查|更新|总结|公布|提交|举办|调度|监测|统计|考核|分析|汇总|提出|确定|研究|安排|制定|举行|进行|听取|审议|公开|评选|部署|提供|发放|给予|培育|遴选|认定|打造|评定|选树|推出|资助|做好|报|发)/u;
/**
 * A yearly plan or appraisal the party makes itself: `统筹制定本辖区年度抽查工作计划`, `负责…年度考核`, or work it puts
 * into the yearly appraisal (`将…工作情况列入年度绩效考核`).
 */
const YEARLY =
  /(?:制定|组织|开展|负责)[^。；，]{0,40}?年度[^。；，]{0,8}?(?:计划|考核)|(?:列入|纳入)年度[^。；，]{0,4}?考核/u;

const TWICE = /^[^。；，]{0,2}?(?:两|二|2)次/u;

function periodOf(unit: string): RecurrencePeriod {
  if (unit.includes('半年')) return 'half-year';
  if (unit.includes('季')) return 'quarter';
  if (unit.includes('月')) return 'month';
  return 'year';
}

/**
 * `月开展一次督查督办`, `季度召开一次调度会`, `落实情况半年一通报`: once a month / quarter / half-year, 每 left out (not
 * `3个月开展一次`, nor `一事一通报`, which counts matters, not time); `一月一调度、一月一通报`, `一季一督查`: one round per
 * month or quarter (一月 there is no January: the second 一 counts the rounds).
 */
const ONCE_PER =
  /(?<![\d０-９一二三四五六七八九十两个每])(月|季度|半年)(?:(?:开展|召开|组织|通报|调度|督查|检查)一次|一(?:通报|调度|督查|检查|考核|报告))|(?<![\d０-９〇一二三四五六七八九十两个每第])一(月|季度?)一(?:通报|调度|督查|检查|考核|报告|督办)/u;

/**
 * `每季度第1个月的10日前`, `每个季度第1个月的20日前`, `每季度首月10日前`, `每月5日前`: a day due in every period is recurring
 * whatever verb follows, as the report it dates often stands after a comma (`…10日前，各责任单位要将…上报`).
 */
const PERIOD_DAY =
  /每个?(半年|季度|季|月)(?:度)?的?(?:第[一二三1-3]个?月|首月|末月|最后一个月)?的?\d{1,2}[日号](?:前|以前|之前)/u;

/** A recurring duty (`每季度报送`, `每年开展`): kind recurring with its period, no date. */
export function findRecurring(text: string): ParsedDeadline | null {
  const once = mayRecurOnce(text) ? ONCE_PER.exec(text) : null;
  if (once)
    return {
      deadline: null,
      deadlineText: once[0],
      deadlineKind: 'recurring',
      period: periodOf(once[1] ?? once[2] ?? ''),
    };
  const yearly = text.includes('年度') ? YEARLY.exec(text) : null;
  if (!text.includes('每') && !text.includes('按') && !text.includes('逐月')) {
    return yearly
      ? { deadline: null, deadlineText: yearly[0], deadlineKind: 'recurring', period: 'year' }
      : null;
  }
  const m = RECURRING.exec(text) ?? yearly;
  if (!m) {
    const day = text.includes('每') ? PERIOD_DAY.exec(text) : null;
    return day
      ? { deadline: null, deadlineText: day[0], deadlineKind: 'recurring', period: periodOf(day[1] ?? '年') }
      : null;
  }
  const unit = m.groups?.['unit'] ?? m.groups?.['adv'] ?? '年';
  // `每年召开两次会议` (年中和年末): twice a year is every half-year.
  const twice = unit === '年' && TWICE.test(text.slice((m.index ?? 0) + m[0].length));
  return {
    deadline: null,
    deadlineText: m[0],
    deadlineKind: 'recurring',
    period: twice ? 'half-year' : periodOf(unit),
  };
}

/** A cell that says only how often: 每季度, 每月底前, 每半年. */
export function recurringCell(text: string): ParsedDeadline | null {
  const m = /^[\s\u3000]*每(年|半年|季度|季|月)/u.exec(text);
  return m
    ? { deadline: null, deadlineText: m[0].trim(), deadlineKind: 'recurring', period: periodOf(m[1] ?? '年') }
    : null;
}
