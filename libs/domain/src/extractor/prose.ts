import { ownerOfWork } from './owned-work';
import { matchHeading as matchHeadingImported } from './headings';
import type { HeadingType } from './headings';
import type { BodyLine } from './inline';
import { makeMeasure as makeMeasureImported } from './make-measure';
import type { MeasureContext } from './make-measure';
import * as PROSE_ORG from './prose-org';
import { resolveDemonstratives } from './prose-pronouns';
import * as PROSE_SENTENCE from './prose-sentence';
import type { Named, Role } from './prose-sentence';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const makeMeasure = makeMeasureImported;

// Module-local copies of the imports called per paragraph and sentence: under tsx every use of an import is a getter
// call.
const { setUpBody } = PROSE_ORG;
const { sentencePartiesIn } = PROSE_SENTENCE;

import { proseParties } from './prose-parties';
import { GROUP_INTRO, SCOPE_ITEM } from './prose-groups';

export { proseParties };

/**
 * Prose duties: a document without any annotation, table or field names its duty holders in sentences —
 * `各省（区、市）人民政府要…`, `请财政部…`, `由省科技行政主管部门牵头，发展改革、…等单位参与`,
 * `人力资源社会保障部会同有关部门…`, `A、B要…`. One measure per paragraph that names one; a paragraph that
 * closes on `：` after naming its parties (`试点地区要…重点做好以下工作：`) is a group whose numbered children
 * inherit them. Headings on a line of their own open the paragraph below them. Only used when nothing else
 * in the document gave a measure, or for the closing section of an annotated one (`五、组织实施`, measures.ts).
 * The sentences themselves are read in prose-sentence.ts.
 *
 * Roles in a paragraph: a party asked (`请A`) or leading (`由A牵头`, `A要牵头`) leads and every other party
 * named with a duty takes part; without one, each party given its own duty leads (joint), except those only
 * supervising or coordinating (`国务院办公厅要适时开展督促检查`, `地方各级人民政府要加强统筹协调`) when someone
 * else has the duty. `会同` partners, `…等单位参与` lists and the open rest of `A等有关部门` take part.
 */

/** `2.1.1`, `2.3`: a 预案's section numbers (matchHeading reads single numbers); `2.5万`, `1.5倍` are amounts. */
const DECIMAL_SECTION = /^\d{1,2}(?:[.．]\d{1,2})+(?![\d%万亿千百元个倍米吨岁年月日])\s*/u;

/** `第三条`, `第十二条`: a rule's article number before its text. */
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]{1,5}条/u;
const DI = '第'.charCodeAt(0);

interface Duty {
  lead: string[];
  participants: string[];
}

function namesIn(named: readonly Named[], roles: readonly Role[]): string[] {
  return named.filter((n) => roles.includes(n.role)).map((n) => n.name);
}

/**
 * `监督组。负责对…进行监督`, `专家组：负责提供…咨询`: a working group of an organisation section, named as its item's title
 * and given the duties of the subjectless sentence after it.
 */
const WORKING_GROUP =
  /^([\u4e00-\u9fff]{2,12}?(?:小组|组|专班))[。：](?=(?:主要)?(?:负责|承担|组织|开展|协调|指导))/u;

const ZU = '组'.charCodeAt(0);
const BAN = '班'.charCodeAt(0);
const FULL_STOP = '。'.charCodeAt(0);
const COLON = '：'.charCodeAt(0);

/**
 * WORKING_GROUP's screen by char codes: it can only match where the ideographs opening the text at `at` run for 3 to
 * 14 characters, the last 组 or 班, and stop at 。 or ：. Most paragraphs fail it without a slice or a regex run.
 */
function mayOpenOnWorkingGroup(text: string, at: number): boolean {
  let end = at;
  while (end < text.length && end - at <= 14) {
    const c = text.charCodeAt(end);
    if (c < 0x4e00 || c > 0x9fff) break;
    end++;
  }
  const length = end - at;
  if (length < 3 || length > 14) return false;
  const stop = text.charCodeAt(end);
  const last = text.charCodeAt(end - 1);
  return (stop === FULL_STOP || stop === COLON) && (last === ZU || last === BAN);
}

const OFFICE_SET_UP = /^([\u4e00-\u9fff]{2,24}?(?:指挥部|领导小组|委员会|小组))下设办公室[，。]/u;
/** Where OFFICE_SET_UP's 下设办公室 starts at the latest (a name of 24 characters and 领导小组): no need to search further. */
const OFFICE_SET_UP_LAST_START = 28;
const XIA = '下'.charCodeAt(0);

/**
 * OFFICE_SET_UP's screen by char codes: its 下设办公室 starts by OFFICE_SET_UP_LAST_START behind ideographs only, so
 * the scan stops at the first other character (a comma, usually within a few characters) instead of a runtime
 * lastIndexOf call per paragraph.
 */
function mayOpenOnOfficeSetUp(text: string): boolean {
  const last = Math.min(text.length - 1, OFFICE_SET_UP_LAST_START);
  for (let p = 0; p <= last; p++) {
    const c = text.charCodeAt(p);
    if (c < 0x4e00 || c > 0x9fff) return false;
    if (c === XIA && text.startsWith('下设办公室', p)) return true;
  }
  return false;
}
/** `办公室承担以下职责：` closing the paragraph that set the office up: its items are the office's alone. */
const OFFICE_DUTIES = /办公室(?:承担|负责|的)?(?:以下|如下|下列)?(?:主要)?职责(?:是|为|如下)?：$/u;

/** The parties a paragraph gives duties to, or null. */
export function proseDuty(written: string): Duty | null {
  // `该委将…`: the department named last before it (prose-pronouns.ts).
  const paragraph = written.includes('该') ? resolveDemonstratives(written) : written;
  const named: Named[] = [];
  // `第三条 A是…的责任主体`: an article's number opens its paragraph, the sentence starts after it.
  const article = paragraph.charCodeAt(0) === DI ? (ARTICLE.exec(paragraph)?.[0].length ?? 0) : 0;
  // `设立A（以下简称B）。主要职责是：…`: the body just set up holds the duties listed after it.
  const body = setUpBody(paragraph);
  if (body !== null) named.push({ name: body, role: 'duty' });
  // `X下设办公室，负责日常工作。办公室设在A…`: the office leads; its host and the units staffing it take part.
  const office = mayOpenOnOfficeSetUp(paragraph) ? OFFICE_SET_UP.exec(paragraph) : null;
  const group =
    paragraph.charCodeAt(article) > 0x4e00 && mayOpenOnWorkingGroup(paragraph, article)
      ? WORKING_GROUP.exec(paragraph.slice(article))
      : null;
  if (group?.[1]) named.push({ name: group[1], role: 'duty' });
  // Sentences end at 。 or ；: each is read up to its end in the one pass over its key characters.
  // `请各单位…；各乡镇视情，队伍靠前布防`: a request runs on over ；, a clause opening on a collective is asked too.
  let askedSeries = false;
  for (let start = article; start < paragraph.length;) {
    const count = named.length;
    const next = sentencePartiesIn(paragraph, start, named);
    if (askedSeries && named.length === count) seriesCollective(paragraph.slice(start, next), named);
    askedSeries =
      paragraph.charCodeAt(next - 1) === SEMICOLON &&
      named.length > count &&
      named.slice(count).every((n) => n.role === 'asked');
    start = next;
  }
  if (office) {
    for (const n of named) if (n.role === 'leading' || n.role === 'duty') n.role = 'partner';
    named.unshift({ name: `${office[1] ?? ''}办公室`, role: 'leading' });
  }
  // `审核机构可以根据工作需要，采用…。要建立健全…机制`: a body opening the paragraph on a permission holds the duties of
  // the subjectless 要 sentences after it.
  if (named.length === 0 && paragraph.includes('可以')) permittedHolder(paragraph.slice(article), named);
  // Most paragraphs name no party: no closure or arrays for them (tsx's keepNames makes each closure costly).
  if (named.length === 0) return null;
  // `A、B和C（以下统称“承办单位”）…。承办单位应当…`: the collective name stands for the bodies already named.
  if (named.length > 1 && paragraph.includes('以下统称')) dropCollectiveAlias(paragraph, named);
  let lead = namesIn(named, ['asked', 'leading']);
  if (lead.length === 0) lead = namesIn(named, ['duty']);
  if (lead.length === 0) lead = namesIn(named, ['supervising']);
  if (lead.length === 0) return null;
  // `牵头部门要明确主责，配合单位要保质提效`: the side named by its supporting role takes part beside a lead (LABELLING §3).
  if (lead.some((n) => !SUPPORTING_ROLE.test(n))) lead = lead.filter((n) => !SUPPORTING_ROLE.test(n));
  // `各相关部门、区（分）局要…。各区（分）局要…`: the body under a shared 各 and named with it is one, listed with its 各.
  const withGe = (n: string): string => (lead.includes(`各${n}`) ? `各${n}` : n);
  // `各级登记管理机关…登记管理机关`: one body named with and without its level, listed once as first written.
  const leadSet = [...new Set(lead.map(withGe))].filter((n, i, all) => {
    const leveled = all.indexOf(`各级${n}`);
    return leveled === -1 || leveled > i;
  });
  // `各相关部门…。A、B等相关部门和乡镇要…`: the open rest of a list is the collective already leading with its 各.
  const openRest = (n: string): boolean => leadSet.includes(`各${n}`) && paragraph.includes(`等${n}`);
  const participants = [...new Set(named.map((n) => n.name))].filter(
    (n) => !leadSet.includes(n) && !leadSet.includes(`各级${n}`) && !lead.includes(n) && !openRest(n),
  );
  return { lead: leadSet, participants };
}

const SEMICOLON = '；'.charCodeAt(0);
const SUPPORTING_ROLE = /^(?:各|相关|有关)?(?:配合|参与|协同|协办|协作)(?:责任)?(?:单位|部门)$/u;
/**
 * The party given a permission opening a paragraph (`审核机构可以…`, after the item's title `完善审核工作方式。`), then a
 * later sentence opening on 要.
 */
const PERMITTED = /^(?:[^，。；：]{2,16}。)?([^，。；：]{2,16}?)可以(?=[^。；]{2,}[。；])/u;
const LATER_DUTY = /[。；]要(?!求)/u;

function permittedHolder(paragraph: string, named: Named[]): void {
  const permitted = PERMITTED.exec(paragraph);
  const holder = permitted && LATER_DUTY.test(paragraph.slice(permitted[0].length)) ? permitted[1] : null;
  const parties = holder ? proseParties(holder) : null;
  for (const name of parties?.names ?? []) named.push({ name, role: 'duty' });
}
/** A collective opening a clause (`各乡镇视情，…`): its longest reading as a party is tried first. */
const OPENING_COLLECTIVE = /^各[\u4e00-\u9fff]{1,8}/u;

/** The collective opening a clause of a request's series, asked like the party of the request (or nothing). */
function seriesCollective(clause: string, named: Named[]): void {
  const opening = OPENING_COLLECTIVE.exec(clause)?.[0] ?? '';
  for (let end = opening.length; end >= 2; end--) {
    const parties = proseParties(opening.slice(0, end));
    if (!parties) continue;
    for (const name of parties.names) named.push({ name, role: 'asked' });
    return;
  }
}

const COLLECTIVE_ALIAS = /（以下统称“?([\u4e00-\u9fff]{2,10})”?）/u;

function dropCollectiveAlias(paragraph: string, named: Named[]): void {
  const alias = COLLECTIVE_ALIAS.exec(paragraph)?.[1];
  if (!alias || !named.some((n) => n.name !== alias)) return;
  for (let i = named.length - 1; i >= 0; i--) if (named[i]?.name === alias) named.splice(i, 1);
}

/**
 * `重点是：`, `应当包括以下内容：`, `有下列情形之一的：`, `主要内容包括：`: the paragraph's duty is its own measure and the
 * numbered items after it are what it covers (check points, contents of a request, conditions), no duties of their own;
 * `各级党委和政府乡村振兴责任主要包括：` is no such list: the duties of the holders it names follow.
 */
const CONTENTS_COLON =
  /(?:重点是|主要是|(?<!(?:责任|职责)(?:主要)?)包括|内容(?:如下|为|是)?|(?:下列|以下)(?:情形|情况|事项)(?:之一)?的?|如下(?:内容|事项)?)：$/u;

/** `对有下列突出表现的单位，A应给予表彰。`: the items after it are the conditions, wherever the paragraph names them. */
const CONDITIONS = /(?:有|符合|存在|具有)下列|下列(?:情形|情况|行为|表现)/u;

interface Group {
  duty: Duty;
  /** The items below list the paragraph's contents: they inherit nothing. */
  contents?: boolean;
  /** The group ends at the next heading of this type (or of the document's top type). */
  endsAt: HeadingType | null;
  /** A 三定 duty list: its items are the unit's duties whatever bodies they name (objects, served bodies). */
  dutyList?: boolean;
}

/** A heading alone on its line (`（一）加强组织领导。`, `三、试点任务`): it opens the paragraphs below it. */
export function isHeadingOnly(rest: string): boolean {
  return rest.length <= 30 && !/[。；](?!$)/u.test(rest) && !rest.includes('，');
}

/**
 * A short numbered line that is a sentence (`（9）国家统计局负责统计监测。`, `7.2 本预案由A负责解释。`, `（2）对下级工作进行督查。`
 * under a duty list's heading): an item with a duty of its own or inherited from the group above, never a heading.
 */
function isDutySentence(rest: string, group: Group | null, dutyOf: (text: string) => Duty | null): boolean {
  if (!SENTENCE_END.test(rest)) return false;
  return group !== null || dutyOf(rest) !== null;
}
const SENTENCE_END = /[。；]$/u;
/**
 * A 三定 regulation's title, `X主要职责内设机构和人员编制规定` (also `…主要职责、内设机构…` in 《》 or after 关于印发): X is the
 * unit whose duty list the `主要职责` heading below opens.
 */
const REGULATION_TITLE = /(?:^|《|印发)([\u4e00-\u9fff]{2,40}?)主要职责、?内设机构和人员编制规定/u;
/**
 * `二、主要职责`, `（一）区政府办公室的主要职责。`, `一、主要职能`: a heading opening a duty list, of the unit it names or else the
 * regulated one.
 */
const DUTY_LIST_HEADING = /^(?:([\u4e00-\u9fff]{2,30}?)的?)?主要(?:职责|职能)[。：]?$/u;
/** `组建X协调委员会（以下简称协调委）`: the body a 组建方案 sets up is the holder of its `主要职能`, by its short name. */
const SET_UP_ALIAS = /(?:组建|设立|成立)[^，。；（]{2,40}?（以下简称“?([^）”]{2,12})”?）/u;

/** The holder of the duty list a `主要职责` heading opens: the unit it names, else the unit the regulation names. */
function dutyListHolder(rest: string, regulated: string | null): Duty | null {
  const m = rest.includes('主要职') ? DUTY_LIST_HEADING.exec(rest) : null;
  if (!m) return null;
  const unit = m[1] ?? regulated;
  if (!unit) return null;
  return proseDuty(`${unit}负责以下工作：`) ?? (m[1] ? null : { lead: [unit], participants: [] });
}

/** The remedy paragraph under a problem item: `整改要求：由A负责…`, `整改措施：…`, `处理意见：…`. */
const REMEDY_LABEL = /^(?:整改要求|整改措施|整改意见|处理意见|督办要求)：/u;

/** Measures of the prose duties in `lines` (the body of a document that gave no other measure). */
export function extractProseDuties(ctx: MeasureContext, lines: readonly BodyLine[]): void {
  let heading: { line: BodyLine; label: string; type: HeadingType } | null = null;
  let problem: { line: BodyLine; label: string; type: HeadingType } | null = null;
  let lastType: HeadingType | null = null;
  let group: Group | null = null;
  let index = 0;
  // The unit a 三定 regulation names in its title (its `主要职责` heading opens that unit's duty list).
  let regulated: string | null = null;
  // The headings above the paragraph, outermost first (`一、` then `（一）`): a prose measure is keyed by its place
  // in the document like an annotated one, `一/（一）`, not by its count.
  const trail: { type: HeadingType; label: string }[] = [];
  const speaker = ctx.speaker;
  // A numbered line may be screened as a duty sentence and then read as one: its duty is read once per line.
  let lastText: string | null = null;
  let lastDuty: Duty | null = null;
  const dutyOf = (text: string): Duty | null => {
    if (text !== lastText) {
      lastText = text;
      lastDuty = proseDuty(text);
    }
    return lastDuty;
  };
  for (const l of lines) {
    lastText = null;
    // `2.1.1 县防汛抗旱指挥部职责` (a 预案's numbered section): it closes the group above; naming whose duties follow,
    // it opens a group its numbered items inherit. A long numbered paragraph is read without its number.
    const c0 = l.text.charCodeAt(0);
    const section = c0 >= 0x30 && c0 <= 0x39 ? DECIMAL_SECTION.exec(l.text) : null;
    const sectionRest = section ? l.text.slice(section[0].length) : '';
    if (section && isHeadingOnly(sectionRest) && !isDutySentence(sectionRest, group, dutyOf)) {
      const duty = sectionRest.includes('职责') ? proseDuty(`${sectionRest.replace(/：$/u, '')}：`) : null;
      group = duty ? { duty, endsAt: null } : null;
      heading = null;
      // Items numbered under the section above (`（4）…`) end nothing opened below this one.
      lastType = null;
      continue;
    }
    // Every numbered section closes the group of the one above (a heading-only one may open its own, above).
    if (section) group = null;
    const h = matchHeading(l.text);
    if (h) {
      if (group && (h.type === group.endsAt || h.type === 'cn' || h.type === 'part')) group = null;
      lastType = h.type;
      let level = 0;
      while (level < trail.length && trail[level]?.type !== h.type) level++;
      if (level < trail.length) trail.length = level;
      trail.push({ type: h.type, label: h.label });
    }
    if (l.text.includes('人员编制规定')) {
      const title = REGULATION_TITLE.exec(l.text)?.[1];
      // `…办公室关于印发X主要职责…`: the ^ alternative may take the issuer's 关于印发 in.
      const cut = title?.lastIndexOf('关于印发') ?? -1;
      if (title) regulated = cut === -1 ? title : title.slice(cut + 4);
    }
    if (regulated === null && l.text.includes('以下简称')) regulated = SET_UP_ALIAS.exec(l.text)?.[1] ?? null;
    // `二、主要职责` under `X主要职责内设机构和人员编制规定`, `（一）X的主要职责。`: the items below are X's duties.
    const listHolder =
      h && h.type !== 'article' && isHeadingOnly(h.rest) ? dutyListHolder(h.rest, regulated) : null;
    if (h && listHolder) {
      heading = { line: l, label: h.label, type: h.type };
      group = { duty: listHolder, endsAt: h.type, dutyList: true };
      continue;
    }
    // An article (第四条…) is a paragraph of its own, never a heading over the paragraphs below.
    if (h && h.type !== 'article' && isHeadingOnly(h.rest) && !isDutySentence(h.rest, group, dutyOf)) {
      heading = { line: l, label: h.label, type: h.type };
      // `（一）省监察厅牵头的工作` (a 任务分工 by lead unit): the items below it are that unit's.
      const owner = ownerOfWork(h.rest);
      const duty = owner ? proseDuty(`${owner}负责以下工作：`) : null;
      if (duty) group = { duty, endsAt: h.type };
      continue;
    }
    const text = l.text;
    const duty = group?.dutyList ? group.duty : dutyOf(h ? h.rest : section ? sectionRest : text);
    const endsAt = h ? h.type : (heading?.type ?? lastType);
    const contents =
      duty !== null && (CONTENTS_COLON.test(text) || (text.includes('下列') && CONDITIONS.test(text)));
    // `X下设办公室，…办公室承担以下职责：`: a measure of its own, and its items inherit the office alone.
    const officeLead =
      duty?.lead[0]?.endsWith('办公室') && text.includes('下设办公室') && OFFICE_DUTIES.test(text)
        ? duty.lead[0]
        : null;
    if (duty && !contents && !officeLead && (/：$/u.test(text) || GROUP_INTRO.test(text))) {
      group = { duty, endsAt };
      heading = null;
      continue;
    }
    const own =
      duty ?? (h && group && group.contents !== true && !SCOPE_ITEM.test(h.rest) ? group.duty : null);
    if (!own) {
      // `2、…有野广告，东入口…有白色垃圾。` then `整改要求：由县气象局负责清除。` (a county's problem list): an item
      // stating a problem opens the remedy paragraph below it, as a heading does.
      if (h && h.type !== 'article') problem = { line: l, label: h.label, type: h.type };
      continue;
    }
    const opened = heading ?? (problem && !h && REMEDY_LABEL.test(text) ? problem : null);
    problem = null;
    const opening = opened && !h ? `${opened.line.text}\n` : '';
    index++;
    const path = trail.length > 0 ? trail.map((t) => t.label) : [String(index)];
    ctx.measures.push(
      makeMeasure(ctx, {
        key: trail.length > 0 ? path.join('/') : `正文/${index}`,
        parentKey: null,
        path,
        line: l.no,
        origin: 'inline',
        text: `${opening}${text}`,
        responsibility: {
          lead: speaker ? own.lead.map(speaker) : own.lead,
          participants: speaker ? own.participants.map(speaker) : own.participants,
          joint: false,
          openList: false,
          declaresFirstIsLead: false,
        },
        deadline: ctx.parsers.findDeadline(text, { documentYear: ctx.documentYear }),
        basis: 'prose',
      }),
    );
    // A section's opening paragraph with duties of its own (`二、…` / `行政执法机关要…`) is also inherited by the
    // numbered items under it that name no party.
    if (officeLead) group = { duty: { lead: [officeLead], participants: [] }, endsAt };
    else if (contents) group = { duty, endsAt, contents };
    else if (!h && duty && heading && !group) group = { duty, endsAt: heading.type };
    // `4.2.3 A接到…后，要…` (a 预案 section opening on a duty): its numbered items without a party of their own are A's.
    else if (section && duty) group = { duty, endsAt: null };
    if (!h) heading = null;
  }
}
