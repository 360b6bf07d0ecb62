import {
  isAreaTownships,
  isKnownDepartmentName,
  isLocalUnitName,
  isPlausibleDepartmentName,
  isSectorDepartmentName,
} from '../departments/registry';
import { matchHeading as matchHeadingImported } from './headings';
import {
  joinedSectors,
  PAIR_SUPPORT,
  ROLE_AFTER_ROLE,
  SUPPORT_CLAUSE,
  SUPPORT_LIST,
  SUPPORT_ONLY,
  SUPPORT_VERB,
  SUPPORTING,
} from './notice-support';
import { addAll, type Draft, mergeDrafts, openRest, sameBody } from './notice-drafts';
import { followsUp, handsTasksDown, type NoticeIssuer } from './notice-follow-up';
import { type OwnedGroup, ownedGroupOf, pushOwnedItem } from './notice-owned';
import type { BodyLine } from './inline';
import { isInternalUnit } from './internal-units';
import { COORDINATED, COUNTERPART, SUPPORTING_CLAUSE } from './notice-partners';
import { makeMeasure } from './make-measure';
import { isRelativeSubject, RELATIVE_COMMA_SUBJECT } from './relative-parties';
import type { MeasureContext } from './make-measure';
import { splitGluedLevels } from './roles';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;

/**
 * Notice items of a local 责任分解 notice: the numbered paragraphs before the breakdown whose sentences give a
 * party a duty without any annotation — `二、压实责任，推动工作落实。各牵头单位要统筹落实…。各参与单位要主动作为…`
 * (lead 各牵头单位, participant 各参与单位), `区委区政府督查室要根据…适时开展督查督办工作`. Only in local
 * documents, only before the first annotated measure, only named subjects (one, or two joined by 、; never a person:
 * …领导). One measure per paragraph, however many subjects its sentences name (mergeDrafts).
 */

/**
 * One subject name: a collective (`各牵头单位`, `各单位`, `全区各级各部门`, `各地`, `各乡镇`), a role collective without 各
 * (`牵头单位`, `协同责任单位`, `相关责任单位`) or a unit name.
 */
/** A collective named by its role in the breakdown (牵头单位, 相关责任部门, 协同责任单位): in the subject pattern and alone. */
const ROLE_COLLECTIVE = '(?:相关|主要|总)?(?:牵头|责任|配合|参与|协同|协作|协办|实施)(?:责任)?(?:单位|部门)';
const ROLE_COLLECTIVE_NAME = new RegExp(`^${ROLE_COLLECTIVE}$`, 'u');
/** Before a collective: the whole level (全区) or the level's own (县直各单位, 省政府各牵头部门, 市级各部门). */
/** The level's own departments as a collective without 各 (省直有关单位, 区级有关部门): a subject and a party alike. */
const LEVEL_OWN = '[省市州县区旗](?:直|级)(?:有关|相关)(?:单位|部门)';
const COLLECTIVE_PREFIX = '(?:全[省市区县]|[省市县区](?:直|属|级|政府|人民政府)?)?';
const NAME =
  // A department's offices written with its units (各牵头处室、单位要…, 各处室、单位要…): one collective.
  '[\\u4e00-\\u9fff]{0,6}?(?:处室|科室|股室)、单位|' +
  `${COLLECTIVE_PREFIX}(?:各|其他)[\\u4e00-\\u9fff（）()]{0,10}?(?:单位|部门|机构)` +
  // The local levels as a collective: 各地、各部门要…, 各乡镇、各部门要…; the alternative level in brackets
  // (各地（市）要…, 各县（区）、…要…) is dropped from the name (LOCAL_ALTERNATIVE); `各县（市）区` is written whole.
  '|各级(?=、)|各级党委、政府|各(?:地区?|乡镇|街道|街镇|镇街|县区|区县|村|行政村|社区|街道办事处|企业)(?:（[^（）]{1,6}）)?|各[县市区](?=（)(?:（[^（）]{1,6}）)[区县]?(?:人民政府|政府|党委、政府)?' +
  // The level's own departments as a collective without 各 (省直有关单位要…, 区级有关部门要…).
  `|${LEVEL_OWN}` +
  // The member units of a body, by the body's name (市安委会有关成员单位要…).
  '|[\\u4e00-\\u9fff]{2,10}?(?:有关|相关)?成员单位' +
  // A class of units delimited by a relative clause, the only delimiter (未分解到工作任务的单位，也要…).
  '|(?![对向把将为给由在按经从])[^，。；、的（）]{2,16}的(?:单位|部门)' +
  `|${ROLE_COLLECTIVE}` +
  // Departments by their place in the work (条线部门要…全力配合, 相关部门要…).
  '|(?:相关|有关|条线|职能)部门|(?:相关|有关)单位' +
  // The level's own government announcing its follow-up (区政府将…, 市人民政府将…).
  '|[省市县区](?:人民)?政府' +
  '|[\\u4e00-\\u9fff]{2,16}?(?:局|委|办|厅|室|机构|中心|政府|管委会|园区|开发区|支队|大队|总队|院|站|所|社|台|联|工会|公司|集团|分行|支行)' +
  // A sector's department by its sector (农业部门要…), checked by isSectorDepartmentName.
  '|[\\u4e00-\\u9fff]{2,6}?部门' +
  // A town or township by its name (亭子镇、浙水乡负责…).
  '|[\\u4e00-\\u9fff]{2,4}?[镇乡]';
/**
 * The subject of a duty sentence, after an optional opening clause (从2023年第一季度开始，): one name or two
 * joined by 、 (`各责任单位、配合单位要`), an optional aside (`责任单位尤其是各乡镇（街道）要`), what the party does
 * besides (`承办单位除报送正文外，要`) or its leaders (`各责任单位的主要负责同志要`, the
 * duty is the unit’s), the duty verb;
 * `将` for a body that announces what it will do (`县政府政务督查室将对各单位…开展专项督查`).
 */
/** Leaders named first (`各牵头领导、责任单位要…`): persons, dropped from the subject below. */
const LEADERS = '[\\u4e00-\\u9fff]{1,8}?(?:领导|负责同志)';
/**
 * The open rest of a list (`县国农区办等有资金整合任务的县级部门要…`, `A等相关单位`): the unnamed units, who take part;
 * a bare `等部门` is dropped (LABELLING §4).
 */
const OPEN_REST =
  '等(?:[^，。；、等]{2,20}?的)?(?:有关|相关)?[\\u4e00-\\u9fff]{0,4}?(?:部门|单位)|等(?:新闻)?媒体';
/** Up to five names, joined by 、 or (between names) 和/及/以及: `各委办局、各街镇和工业园区要…`. */
const NAMES = `(?:${NAME})(?:(?:[、和及]|以及)(?:${NAME})){0,4}(?:${OPEN_REST})?`;
/** A relative clause before a role collective, dropped (`承办《政府工作报告》的责任单位要…`). */
const RELATIVE = '[^，。；的]{2,20}的(?=(?:相关|主要)?(?:牵头|责任|配合|参与|协同)(?:责任)?单位)';
const SUBJECT = `请?(?:${RELATIVE})?((?:${LEADERS}、)?${NAMES})(?:(?:尤其是|特别是)[^，。；]{1,12}?|的?(?:主要)?(?:负责同志|负责人)|的?主要领导|“?一把手”?|从[^，。；]{2,16}?起，?|（[^（）]{1,12}）|，(?=[也还])|除[^，。；]{2,30}外，)?[也还既都]?(要(?!求)|应|须|需|负责(?!同志|人(?!才|力|居|事|口|防|员培训))|将|牵头|则(?=[\\u4e00-\\u9fff])|对[^，。；]{2,30}负总责|(?:作)?为[^，。；]{0,16}第一责任人|(?:分别|务)?于(?=[^，。；]{0,40}前))`;
const DUTY_SUBJECT = new RegExp(`^${SUBJECT}`, 'u');
/**
 * `请各乡镇、县直各单位紧扣…`: the parties asked to act, whatever verb follows, also after the covering clauses
 * (`经区政府同意，现将《…》印发给你们，请各牵头单位、责任单位按照职责分工，…`); never a bare covering request,
 * nor the body recipients are asked to turn to.
 */
const ASKED_SUBJECT = new RegExp(
  // 请径向A反映 / 请及时向A报告: A receives the recipients' questions, it is not asked to act.
  `(?:(?:^|，)[请望](?!(?:径|迳|直接|及时|分别|可)?向)|给你们，)(${NAMES})()(?=[\\u4e00-\\u9fff])(?!(?:认真)?(?:贯彻执行|贯彻落实|遵照执行)[。；]?$)`,
  'u',
);
/** The subject after an opening clause of up to 40 characters (`今年…项目分布广、投资额度大、…时限紧，各责任部门要…`). */
const LATE_SUBJECT = new RegExp(`^[^，。；]{0,40}，${SUBJECT}`, 'u');
/** `各牵头单位迅速组织参与单位…`: a role collective opening its sentence is its subject, whatever verb follows. */
const ROLE_SUBJECT = /^(各(?:牵头|责任|配合|参与|协办)单位)()(?![的和及与、])(?=[\u4e00-\u9fff])/u;
/** `特别是牵头单位，要强化责任担当…`: a subject singled out after the duty of all. */
const SINGLED_OUT_SUBJECT = new RegExp(`^(?:特别是|尤其是)(${NAMES})，(要|应|须|需|负责|将|牵头)`, 'u');

/** `A牵头，B、C配合` / `由A负责，B等部门参与`: the units joining the lead's duty in the next clause. */
const JOINED_NAME = `(?:${NAME}|[\\u4e00-\\u9fff]{2,12}?部(?!门))`; // also 县委组织部, 县人武部
const JOINING_CLAUSE = new RegExp(
  `(?:牵头|负责)，(${JOINED_NAME}(?:[、和及]${JOINED_NAME}){0,4}(?:${OPEN_REST})?)(?:要|应)?(?:积极|密切|全力|主动)?(?:配合|参与|参加|协助)(?=[，。；]|$)`,
  'u',
);
/**
 * `由市民政局牵头，会同…` (after an optional opening clause, or a topic naming the work: `具体工作由市发改委牵头负责`):
 * the party leading the paragraph's work.
 */
const LEADING_SUBJECT = new RegExp(
  `^(?:[^，。；]{0,30}，)?(?:[\\u4e00-\\u9fff]{0,6}(?:工作|任务|事项))?由(${NAMES})牵头`,
  'u',
);
/**
 * `…在省委、省政府的统一领导下，由省编办具体组织实施`, `对涉及多个部门的工作任务，由牵头部门负总责`: a party designated
 * by 由 for the work (after up to two opening clauses) holds the duty.
 */
const DESIGNATED_SUBJECT = new RegExp(
  `^(?:[^，。；]{0,40}，){0,2}由(${NAMES})((?:具体)?(?:负总责|负责|组织实施|承担))`,
  'u',
);
/** `会同市财政局、市市场监管局制定…`, `会同有关部门`: the partners of a duty take part. */
const PARTNERS = new RegExp(
  `会同((?:${NAME})(?:[、和及](?:${NAME}))*)(?:等(?:有关|相关)?(?:部门|单位))?`,
  'u',
);

const COLLECTIVE_START = new RegExp(`^${COLLECTIVE_PREFIX}(?:各|其他)`, 'u');
/** `各地（市）` → 各地, `各县（区）` → 各县: the local level named first, its alternative dropped. */
const LOCAL_ALTERNATIVE = /^(各[\u4e00-\u9fff]{1,2})（[^（）]{1,6}）$/u;
/** `省直有关单位`, `区级有关部门`, `市安委会有关成员单位`, `未分解到工作任务的单位`: collectives the unit words below do not cover. */
const OTHER_COLLECTIVE = new RegExp(
  `^(?:${LEVEL_OWN}|[\\u4e00-\\u9fff]{2,10}(?:有关|相关)?成员单位|(?![对向把将为给由在按经从])[^，。；、的（）]{2,16}的(?:单位|部门))$`,
  'u',
);

const PERSON = /领导$|负责同志$/u;
/** A town or township by its name (亭子镇, 浙水乡), never a word ending in one (城乡, 乡镇, 全镇). */
const TOWN = /^(?![各全本该])[\u4e00-\u9fff]{2,4}(?<![城乡镇])[镇乡]$/u;

/** `信阳日报社、信阳广播电视台等媒体要加强宣传引导`: a newspaper or broadcaster by its name (its place, no level word). */
const MEDIA_BODY = /^[\u4e00-\u9fff]{2,8}(?:日报社|晚报社|报社|广播电视台|电视台|广播电台|融媒体中心)$/u;

const NOT_IN_NAME = /工作需|按照|依照|根据|^(?:明确|强调|指出)/u;

function isParty(name: string): boolean {
  if (PERSON.test(name)) return false;
  if (OTHER_COLLECTIVE.test(name) || isRelativeSubject(name)) return true;
  if (name.includes('的')) return false;
  // `安全生产工作需行业主管部门要…`, `按照市委、市政府要求…`: a topic or a basis run into the subject is no name.
  if (NOT_IN_NAME.test(name)) return false;
  return (
    COLLECTIVE_START.test(name) ||
    ROLE_COLLECTIVE_NAME.test(name) ||
    // `局机关各科室要…`, `各牵头处室、单位要…`: a department's own offices and units.
    isInternalUnit(name) ||
    isKnownDepartmentName(name) ||
    isLocalUnitName(name) ||
    /(?:督查室|机构)$/u.test(name) ||
    /^(?:相关|有关|条线|职能)部门$/u.test(name) ||
    // `相关部门和辖区政府要密切配合`: the government of the place where the work is done.
    /^(?:辖区|属地|所在地)(?:人民)?政府$/u.test(name) ||
    /^[\u4e00-\u9fff]{2,6}(?:园区|开发区)$/u.test(name) ||
    // The level's own bureau written without its level (监察局, 政府督查室): short and unit-shaped.
    (name.length <= 6 && /(?:局|委|办|室)$/u.test(name) && isPlausibleDepartmentName(name)) ||
    TOWN.test(name) ||
    // `山区乡镇要加强水库防守`: the townships of a kind of area; `信阳日报社、…电视台等媒体要…`: media bodies by name.
    isAreaTownships(name) ||
    MEDIA_BODY.test(name)
  );
}

/** A party opening a later clause of a sentence: also a sector's department (`…，农业部门要…`), checked when read. */
function isLaterParty(name: string): boolean {
  return isParty(name) || isSectorDepartmentName(name);
}

/**
 * `各街镇和工业园区` → two names; `区人力资源和社会保障局` and `各协作和配合单位` stay one (the first half is no party of
 * its own: not a party, or a role word sharing the second half's 单位).
 */
function splitJoinedNames(name: string): string[] {
  const joint = /以及|[和及]/u.exec(name);
  const at = joint?.index ?? -1;
  if (at <= 0) return [name];
  const head = name.slice(0, at);
  const tail = name.slice(at + (joint?.[0].length ?? 1));
  // `各牵头单位和责任单位`: two roles sharing the first one's 各, one collective (LABELLING §4).
  if (ROLE_AFTER_ROLE.test(tail) && ROLE_AFTER_ROLE.test(head.slice(1)) && head.startsWith('各'))
    return [name];
  const whole = isParty(head) && !/(?:牵头|责任|配合|参与|协同|协作|协办)$/u.test(head) && isParty(tail);
  return whole ? [head, ...splitJoinedNames(tail)] : [name];
}

/**
 * Sentence ends, and the comma before the level's own government or office announcing its follow-up inside a
 * sentence (`…报区人民政府办公室，区人民政府办公室将对…全程跟踪督办`): that clause is a sentence of its own.
 */
const SENTENCE_SPLIT = /(?<=[。；])|(?<=，)(?=[省市县区](?:人民)?政府(?:办公(?:室|厅))?将)/u;

/**
 * A sentence giving a second party its own duty after a comma (`市林业局要加强业务指导，市应急管理局要做好综合协调`): the
 * clause from that party on reads as a sentence of its own. Only commas followed by a party and a duty verb split.
 */
function splitAtLaterSubjects(sentence: string): string[] {
  let comma = sentence.indexOf('，');
  if (comma === -1) return [sentence];
  const out: string[] = [];
  let from = 0;
  for (; comma !== -1; comma = sentence.indexOf('，', comma + 1)) {
    const rest = sentence.slice(comma + 1);
    const m = DUTY_SUBJECT.exec(rest);
    if (
      !m ||
      !(m[1] ?? '')
        .split(/、(?![^（]*）)(?!单位)/u)
        .flatMap(splitJoinedNames)
        .every(isLaterParty)
    )
      continue;
    out.push(sentence.slice(from, comma + 1));
    from = comma + 1;
  }
  out.push(sentence.slice(from));
  return out;
}

/**
 * Measures of the notice items in `lines` (the caller passes only lines before the first measure); `issuer` says
 * whether the supervising office or the government's office issues the notice itself.
 */
export function extractNoticeItems(
  ctx: MeasureContext,
  lines: readonly BodyLine[],
  issuer: NoticeIssuer = { bySupervisor: false, byOffice: false },
): void {
  // `一、县示范区管委会牵头工作（8项）` (an annexed list grouped by lead unit): its numbered items are that unit's.
  let owned: OwnedGroup | null = null;
  lines.forEach((l, index) => {
    const heading = matchHeading(l.text);
    if (!heading || heading.type === 'cn') owned = heading ? ownedGroupOf(heading, isParty) : null;
    if (owned) {
      if (heading && heading.type !== 'cn') pushOwnedItem(ctx, l, heading, owned);
      return;
    }
    // Numbered breakdown items are not notice sentences; an article (第四条…) of a 通告/规定 is read like a 一、 item.
    if (heading && heading.type !== 'cn' && heading.type !== 'article') return;
    const body = heading ? heading.rest : l.text;
    const sentences = body.split(SENTENCE_SPLIT).flatMap(splitAtLaterSubjects);
    const drafts: Draft[] = [];
    let pending = '';
    for (const sentence of sentences) {
      const leadingMatch = sentence.includes('由') ? LEADING_SUBJECT.exec(sentence) : null;
      // The class word (单位/部门) stands right before the comma: that pair screens the regex.
      const relativeMatch =
        sentence.includes('位，') || sentence.includes('门，') ? RELATIVE_COMMA_SUBJECT.exec(sentence) : null;
      const m =
        leadingMatch ??
        DUTY_SUBJECT.exec(sentence) ??
        relativeMatch ??
        LATE_SUBJECT.exec(sentence) ??
        SINGLED_OUT_SUBJECT.exec(sentence) ??
        ASKED_SUBJECT.exec(sentence) ??
        ROLE_SUBJECT.exec(sentence) ??
        (sentence.includes('由') ? DESIGNATED_SUBJECT.exec(sentence) : null);
      // `各牵头领导、责任单位要…`: the leaders named beside a unit are persons, the unit holds the duty.
      const [listed, open] = openRest(m?.[1] ?? '');
      // 、 in a bracket (各县（市、区）) parts a name's alternatives; before 政府 (各级党委、政府) one level's two bodies, one
      // collective; before a bare 单位 (各牵头处室、单位) the offices and units of one body, one collective; in a relative
      // clause (`承担省、市《…》的责任单位`) it belongs to the clause.
      const written = (
        m !== null && m === relativeMatch ? [listed] : listed.split(/、(?![^（]*）)(?!政府|单位)/u)
      )
        .flatMap(splitJoinedNames)
        .flatMap(splitGluedLevels)
        .map((n) => n.replace(LOCAL_ALTERNATIVE, '$1'));
      const units = written.filter((n) => !PERSON.test(n));
      const names = units.length > 0 ? units : written;
      const first = names[0] ?? '';
      const current = drafts[drafts.length - 1];
      // `市交通、公安、安监等部门要通力协作、密切配合。`: a list too long or too abbreviated for a subject, supporting.
      const supportList = !m && current ? SUPPORT_LIST.exec(sentence) : null;
      if (supportList && current) {
        addAll(current.participants, (supportList[1] ?? '').split('、'));
        current.text += sentence;
        continue;
      }
      // `市政府将…分解…，现下达给你们`: the issuer handing the tasks down gives itself no duty (notice-follow-up.ts).
      // A sector's department (农业部门要…) and a subject of 都要 (`各县区及相关部门都要…`) only beside a subject already
      // read: opening a paragraph, the prose reader's wider grammar reads them (`市场监管部门对…进行检查`).
      const beside = current !== undefined;
      if (
        !m ||
        handsTasksDown(names, m, sentence, issuer) ||
        (!beside && m[0].endsWith(`都${m[2] ?? ''}`)) ||
        !names.every((n) => isParty(n) || (beside && isSectorDepartmentName(n)))
      ) {
        if (current) current.text += sentence;
        else pending += sentence;
        continue;
      }
      const after = sentence.slice((m.index ?? 0) + m[0].length);
      const supports =
        SUPPORTING.test(first) ||
        SUPPORT_ONLY.test(after) ||
        (names.length === 1 && (SUPPORT_VERB.test(after) || SUPPORT_CLAUSE.test(after))) ||
        // `相关部门和辖区政府要密切配合，主动服务`: two sides whose own duty opens on supporting.
        (names.length === 2 && PAIR_SUPPORT.test(after) && !names.some((n) => current?.lead.includes(n)));
      if (current && supports) {
        addAll(current.participants, names);
        current.text += sentence;
        continue;
      }
      // The same subject again (各责任单位要…。各责任单位要于2月15日前报送…) goes on with its duty.
      const supporting = names.slice(1).filter((n) => SUPPORTING.test(n));
      if (
        current &&
        current.lead.length === 1 &&
        sameBody(current.lead[0] ?? '', first) &&
        names.length === 1
      ) {
        addAll(current.participants, supporting);
        current.text += sentence;
        continue;
      }
      // `各责任单位、配合单位要…`: a role collective named as the supporting side takes part.
      drafts.push({
        line: l.no,
        text: drafts.length === 0 ? pending + sentence : sentence,
        lead: names.filter((n) => !supporting.includes(n)),
        participants: open ? [...supporting, open] : supporting,
        followsUp: followsUp(names, m[2] ?? '', issuer),
        leading: m === leadingMatch,
      });
      pending = '';
    }
    const path = heading ? ['通知', heading.label] : ['通知', String(index + 1)];
    mergeDrafts(drafts).forEach((d) => {
      const partners = d.text.includes('会同') ? PARTNERS.exec(d.text) : null;
      for (const name of (partners?.[1] ?? '').split(/、(?![^（]*）)/u).flatMap(splitJoinedNames))
        if (isParty(name) && !d.lead.includes(name)) addAll(d.participants, [name]);
      for (const pattern of [COORDINATED, SUPPORTING_CLAUSE, COUNTERPART]) {
        const found = pattern.exec(d.text);
        const party = found?.[1] ?? found?.[2];
        // `各牵头单位要…` then `…与牵头单位沟通`: one collective, with or without 各.
        const bare = party?.replace(/^各/u, '');
        const holds = (list: readonly string[]) => list.some((n) => n.replace(/^各/u, '') === bare);
        if (party && !holds(d.participants) && !holds(d.lead)) d.participants.push(party);
      }
      // `县发改局牵头，县财政局、县审计局配合`: the units named after the lead's clause take part.
      const joining = d.text.includes('，') ? JOINING_CLAUSE.exec(d.text) : null;
      const [joined, joinedRest] = openRest(joining?.[1] ?? '');
      const joinedNames = joined ? joined.split(/、(?![^（]*）)/u).flatMap(splitJoinedNames) : [];
      if (joinedNames.length > 0 && joinedNames.every(isParty))
        addAll(
          d.participants,
          [...joinedNames, ...(joinedRest ? [joinedRest] : [])].filter((n) => !d.lead.includes(n)),
        );
      else if (d.text.includes('等')) addAll(d.participants, joinedSectors(d.text) ?? []);
      ctx.measures.push(
        makeMeasure(ctx, {
          key: path.join('/'),
          parentKey: null,
          path,
          line: d.line,
          origin: 'inline',
          text: d.text,
          responsibility: {
            lead: d.lead,
            participants: d.participants,
            joint: d.lead.length > 1,
            openList: false,
            declaresFirstIsLead: false,
          },
          deadline: ctx.parsers.findDeadline(d.text, { documentYear: ctx.documentYear }),
        }),
      );
    });
  });
}
