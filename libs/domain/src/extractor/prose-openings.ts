// Where a sentence's party may start (prose-sentence.ts): after opening clauses and dated steps.
import { LIMITS } from './thresholds';

const COMMA = '，'.charCodeAt(0);

/**
 * A dated step opening the sentence without a comma (`2019年6月底前各省份要…`, `2004年发展改革委将会同…`): the party
 * follows it.
 */
const DATED_LEAD =
  /(?:(?:\d{4}年)?\d{1,2}月(?:底|末|份|\d{1,2}日)?(?:以)?前|\d{4}年(?:底前|内)?(?![\d月初起以度]))/uy;
/**
 * Up to four opening clauses before the party (LIMITS), six after reported speech (`在治理工作中，需要其他相关部门支持配合的，`; a meeting report's
 * `强调，当前…，…的关键时期，各镇要…`; `周建平要求：要抓住…，把握…，A、B等部门要…`; after reported speech up to 48 characters a clause: `会议指出，推进义务教育均衡
 * 发展是落实…的一项重要举措，各乡镇…要…`).
 */
/** Module-local copies: read once per sentence (under tsx every use of an import is a getter call). */
const { maxOpeningClauses: MAX_CLAUSES, maxReportedOpeningClauses: MAX_REPORTED_CLAUSES } = LIMITS;
const OPENING_CLAUSE = new RegExp(`^(?:[^，。；：]{0,28}，){1,${MAX_CLAUSES}}`, 'u');

/** 28, not 24: the issuer's own act before the duty (`市政府对《政府工作报告》中的各项目标任务实施责任分解管理，`). */
const CLAUSE_MAX = 28;
const COLON = '：'.charCodeAt(0);
/** `周建平要求：要抓住…，开江生态环境局…要…`: the colon after reported speech opens its clauses as a comma does. */
function speechColon(sentence: string, at: number): boolean {
  if (sentence.charCodeAt(at) !== COLON) return false;
  const verb = sentence.slice(at - 2, at);
  return verb === '要求' || verb === '强调' || verb === '指出';
}
const REPORTED_CLAUSE_MAX = 48;
const REPORTED_SPEECH =
  /^(?![^，。；]{0,8}(?:按照|根据|依照|依据))[^。；]{0,30}?(?:指出|强调|要求|认为|表示)[，：]/u;
/**
 * REPORTED_SPEECH's screen: a verb of it closed by ，or ： anywhere in the sentence. Most sentences fail this
 * unanchored regex in one native pass over their text (reading a sliced sentence's char codes one by one in JS costs
 * more); REPORTED_SPEECH, whose lazy window tried at every step was a hot spot of the prose reader, still decides.
 */
const SPEECH_MARK = /(?:指出|强调|要求|认为|表示)[，：]/u;

/**
 * Where a sentence's party may start: its beginning and after each of up to three opening clauses (OPENING_CLAUSE,
 * found by a regex search; a surrogate pair, one character to OPENING_CLAUSE, falls back to it).
 */
export function openingOffsets(sentence: string): number[] {
  // After a meeting's approval the party starts behind it, never at the sentence's start.
  const offsets = [sentence.charCodeAt(0) === MEETING ? meetingApproval(sentence) : 0];
  datedLead(sentence, 0, offsets);
  ordinalLead(sentence, 0, offsets);
  adverbLead(sentence, 0, offsets);
  // SPEECH_LEAD needs a 要求, 强调 or 责成: native searches of the sentence spare a scan at each of its clauses.
  const speech = sentence.includes('要求') || sentence.includes('强调') || sentence.includes('责成');
  if (speech) speechLead(sentence, 0, offsets);
  let start = 0;
  // Reported speech (`会议指出，`, `X强调，`) states its context at length before the party: a longer clause is read.
  const reported = SPEECH_MARK.test(sentence) && REPORTED_SPEECH.test(sentence);
  const clauseLimit = reported ? REPORTED_CLAUSE_MAX : CLAUSE_MAX;
  for (let clause = 0, clauses = reported ? MAX_REPORTED_CLAUSES : MAX_CLAUSES; clause < clauses; clause++) {
    const max = Math.min(sentence.length, start + clauseLimit + 1);
    // The clause ends at its first ，。；： (a surrogate pair, one character to the regex, falls back to it): found by
    // a native search, not a char code read per character.
    CLAUSE_END.lastIndex = start;
    const i = CLAUSE_END.test(sentence) ? Math.min(CLAUSE_END.lastIndex - 1, max) : max;
    if (i < max && isSurrogate(sentence.charCodeAt(i))) return openingOffsetsByRegex(sentence);
    if (i >= max || (sentence.charCodeAt(i) !== COMMA && !speechColon(sentence, i))) break;
    start = i + 1;
    offsets.push(start);
    datedLead(sentence, start, offsets);
    ordinalLead(sentence, start, offsets);
    adverbLead(sentence, start, offsets);
    if (speech) speechLead(sentence, start, offsets);
  }
  return offsets;
}

/** What ends an opening clause (a comma or prose-chars.ts's END, 。；：), and a surrogate (the regex reads the sentence then). */
const CLAUSE_END = /[，。；：\ud800-\udfff]/g;
const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

const MEETING = '会'.charCodeAt(0);
/**
 * A meeting report's approval (`会议原则同意县财政局拟草的《…》，修改完善后，批复实施`): the drafter after it is the
 * party that carries the follow-up, never `会议同意县财政局`.
 */
const MEETING_APPROVAL =
  /^会议(?:原则|研究)?(?:同意|通过|审议通过|听取了?|审议并(?:原则)?通过了?|研究并(?:原则)?通过了?)(?=[\u4e00-\u9fff])/u;

function meetingApproval(sentence: string): number {
  return MEETING_APPROVAL.exec(sentence)?.[0].length ?? 0;
}

/** Adds the offset after a dated step at `at` that runs on into its party (only tried where a digit opens). */
function datedLead(sentence: string, at: number, offsets: number[]): void {
  const c = sentence.charCodeAt(at);
  if (c < 0x30 || c > 0x39) return;
  DATED_LEAD.lastIndex = at;
  if (!DATED_LEAD.test(sentence)) return;
  const end = DATED_LEAD.lastIndex;
  if (sentence.charCodeAt(end) !== COMMA) offsets.push(end);
}

/** `一是各部门要…，二是…`: a meeting's numbered points; the party follows the ordinal without a comma. */
const ORDINAL_LEAD = /[一二三四五六七八九十]是(?=[\u4e00-\u9fff])/uy;
const SHI = '是'.charCodeAt(0);

function ordinalLead(sentence: string, at: number, offsets: number[]): void {
  if (sentence.charCodeAt(at + 1) !== SHI) return;
  ORDINAL_LEAD.lastIndex = at;
  if (ORDINAL_LEAD.test(sentence)) offsets.push(ORDINAL_LEAD.lastIndex);
}

/** `下一步各责任单位要…`, `同时各乡镇要…`: a time or linking word run on into its party without a comma. */
const ADVERB_LEAD = /(?:下一步|同时|此外|今后|近期)(?=[\u4e00-\u9fff])/uy;
const ADVERB_FIRST = new Set(['下', '同', '此', '今', '近'].map((c) => c.charCodeAt(0)));

/**
 * Strips the adverb at `at`: the party starts after it instead of at `at`. Kept beside it, the offset at `at` is read
 * first and a unit-shaped name takes the adverb in (`同时县水利局要…` read as a party 同时县水利局).
 */
function adverbLead(sentence: string, at: number, offsets: number[]): void {
  if (!ADVERB_FIRST.has(sentence.charCodeAt(at))) return;
  ADVERB_LEAD.lastIndex = at;
  if (!ADVERB_LEAD.test(sentence)) return;
  const i = offsets.lastIndexOf(at);
  if (i === -1) offsets.push(ADVERB_LEAD.lastIndex);
  else offsets[i] = ADVERB_LEAD.lastIndex;
}

/**
 * `贾某要求各部门要…`, `要求各相关部门要…`, `会议强调各乡镇要…`, `会议责成县交通局牵头…`: reported speech (or an order) run
 * on into its party without a comma; the party follows the verb.
 */
const SPEECH_LEAD = /[^，。；：、]{0,12}?(?:要求|强调|责成)(?=[\u4e00-\u9fff])/uy;

function speechLead(sentence: string, at: number, offsets: number[]): void {
  const end = Math.min(sentence.length, at + 14);
  let i = at;
  while (i < end && !SPEECH_FIRST.has(sentence.charCodeAt(i))) i++;
  if (i >= end) return;
  SPEECH_LEAD.lastIndex = at;
  if (SPEECH_LEAD.test(sentence)) offsets.push(SPEECH_LEAD.lastIndex);
}
const SPEECH_FIRST = new Set(['要', '强', '责'].map((c) => c.charCodeAt(0)));

function openingOffsetsByRegex(sentence: string): number[] {
  const offsets = [sentence.charCodeAt(0) === MEETING ? meetingApproval(sentence) : 0];
  const opening = OPENING_CLAUSE.exec(sentence)?.[0] ?? '';
  for (let i = opening.indexOf('，'); i !== -1; i = opening.indexOf('，', i + 1)) offsets.push(i + 1);
  // The same leads as the char-code pass reads (a surrogate pair elsewhere in the sentence must not lose them).
  for (const at of [...offsets]) {
    datedLead(sentence, at, offsets);
    ordinalLead(sentence, at, offsets);
    adverbLead(sentence, at, offsets);
    speechLead(sentence, at, offsets);
  }
  return offsets;
}
