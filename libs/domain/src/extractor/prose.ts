import { isKnownDepartmentName, isLocalUnitName, isPlausibleDepartmentName } from '../departments/registry';
import { matchHeading } from './headings';
import type { HeadingType } from './headings';
import type { BodyLine } from './inline';
import { makeMeasure } from './make-measure';
import type { MeasureContext } from './make-measure';

/**
 * Prose duties: a document without any annotation, table or field names its duty holders in sentences —
 * `各省（区、市）人民政府要…`, `请财政部…`, `由省科技行政主管部门牵头，发展改革、…等单位参与`,
 * `人力资源社会保障部会同有关部门…`, `A、B要…`. One measure per paragraph that names one; a paragraph that
 * closes on `：` after naming its parties (`试点地区要…重点做好以下工作：`) is a group whose numbered children
 * inherit them. Headings on a line of their own open the paragraph below them. Only used when nothing else
 * in the document gave a measure (measures.ts), so annotated documents read exactly as before.
 *
 * Roles: the party asked (`请A`) or leading (`由A牵头`, `A牵头`) leads; else the first party given a duty leads.
 * Other parties with duties in the same paragraph, `会同` partners and `…参与` lists participate.
 */

const NAME_CHARS = '[\\u4e00-\\u9fff（）、]';
/** Duty markers after a party list: `各地区、各部门和各单位都要`, `市场监管总局要`, `试点城市负责`. */
const MARKER = /(?:都|也|还|均)?(?:要|应当|应|须|必须|负责|牵头|统筹|承担|会同)/gu;
/** `各地区、各部门在制定相关规定和具体办法时，要明确`: the party, a when-clause, then its duty. */
const WHEN_CLAUSE = /在[^，。；]{1,30}时，$/u;
const OPENING_CLAUSE = /^[^，。；：]{0,24}，/u;

/**
 * The parties a sentence gives a duty to: the text before a duty marker, at the start or after an opening
 * clause (`到2019年底，`), that parses as a party list. Every marker is tried in turn, so 主要/需要 inside the
 * words before the real one cannot hide it.
 */
function subjectOf(sentence: string): string[] | null {
  const opening = OPENING_CLAUSE.exec(sentence)?.[0].length ?? 0;
  for (const from of opening > 0 ? [0, opening] : [0]) {
    const head = sentence.slice(from, from + 64);
    MARKER.lastIndex = 0;
    for (let m = MARKER.exec(head); m !== null; m = MARKER.exec(head)) {
      const before = head.slice(0, m.index).replace(WHEN_CLAUSE, '');
      if (/[，。；：]/u.test(before)) break;
      const parties = before.length >= 2 ? proseParties(before) : null;
      if (parties) return parties;
    }
  }
  return null;
}

/** `请A…`: the party asked to act; the list ends before its verb. */
const ASKED = new RegExp(`(?:^|[，：])请(${NAME_CHARS}{2,60}?)(?=在|于|会同|牵头|负责|落实|按照|根据|结合|抓紧|尽快|加快|研究|制定|进一步|对|做好|组织|提出|明确|完成|修订)`, 'u');
/** `由A牵头` / `由A负责` / `由A统筹` / `由A会同B制定` / `具体办法由A、B制定`. */
const BY = new RegExp(`由(${NAME_CHARS}{2,60}?)(牵头|负责|统筹|承担|会同|制定|出台|组织|研究|提出|发布)`, 'u');
/** `，发展改革、工商、金融等单位参与` after a lead. */
const JOINING = new RegExp(`，(${NAME_CHARS}{2,80}?)(?:等(?:有关|相关)?(?:单位|部门))?(?:参与|配合|参加)`, 'u');
/** `会同有关部门` / `会同浦东新区、奉贤区和临港地区管委会`. */
const PARTNERS = new RegExp(`会同(${NAME_CHARS}{2,60}?)(?=[，。；]|按照|根据|对|在|于|研究|制定|做好|组织|开展|推进|建立|提出|落实)`, 'u');

const COLLECTIVE = /^(?:各|有关|相关|地方各级|县级以上|试点)[\u4e00-\u9fff（）、]{0,14}$/u;
/** Unit words of a government party; 署/中心/机构/单位 alone are too often prose (部署, 依托单位) unless the registry knows the name. */
const UNIT_END = /(?:部门|人民政府|政府|部|委|局|厅|办|办公室|地区|城市|管委会|两级|各地)$/u;
const COLLECTIVE_END = /(?:部门|人民政府|政府|部|委|局|厅|办|地区|城市|单位|管委会|两级|各地|高校|院所)$/u;
const NOT_A_NAME = /[的要对将在把向以为与是时中了等由于按]|^(?:第[一二三四五六七八九十百\d]+条|其中|同时|并|和|及|要|对|在|通过|按照|根据|加强|推进|建立|鼓励|支持|具体|加快|系统)/u;

function isParty(name: string): boolean {
  if (name.length < 2 || name.length > 24) return false;
  if (NOT_A_NAME.test(name.replace(/^各地/u, ''))) return false;
  if (isKnownDepartmentName(name) || isLocalUnitName(name)) return true;
  if (COLLECTIVE.test(name)) return COLLECTIVE_END.test(name);
  // 科研院所 / 高等院校 / 中央高校: research and teaching bodies given a duty as a class.
  if (/(?:院所|院校|高校)$/u.test(name)) return name.length <= 8;
  return UNIT_END.test(name) && isPlausibleDepartmentName(name);
}

/** Splits `A、B和C`, `各级政府及相关部门`; a `（区、市）` inside a name is not a separator; `等有关部门` adds 有关部门. */
export function proseParties(list: string): string[] | null {
  let text = list;
  const out: string[] = [];
  const open = /等(有关部门|相关部门|部门|单位|有关单位)$/u.exec(text);
  if (open) {
    text = text.slice(0, open.index);
    if (open[1] === '有关部门' || open[1] === '相关部门') out.unshift(open[1]);
  }
  const names: string[] = [];
  let depth = 0;
  let start = 0;
  const push = (end: number) => {
    names.push(text.slice(start, end));
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (c === '（') depth++;
    else if (c === '）') depth--;
    else if (depth === 0 && (c === '、' || c === '和' || c === '及')) {
      // 和/及 inside a known name (工业和信息化部, 住房和城乡建设厅) is part of it.
      if (c !== '、' && isKnownOrLocal(text, start, i)) continue;
      push(i);
      start = i + 1;
      if (text.startsWith('以及', i - 1)) names[names.length - 1] = (names[names.length - 1] ?? '').replace(/以$/u, '');
    }
  }
  push(text.length);
  const parties = names.map((n) => n.replace(/^以及|^以/u, '')).filter((n) => n.length > 0);
  if (parties.length === 0 || !parties.every(isParty)) return null;
  return [...parties, ...out];
}

function isKnownOrLocal(text: string, start: number, at: number): boolean {
  for (let end = text.length; end > at; end--) {
    const candidate = text.slice(start, end);
    if (isKnownDepartmentName(candidate) || isLocalUnitName(candidate)) return true;
  }
  return false;
}

interface Duty {
  lead: string[];
  participants: string[];
}

function add(list: string[], names: readonly string[]): void {
  for (const n of names) if (!list.includes(n)) list.push(n);
}

/** The parties a paragraph gives duties to, or null. */
export function proseDuty(paragraph: string): Duty | null {
  let primary: string[] = [];
  const others: string[] = [];
  const partners: string[] = [];
  for (const sentence of paragraph.split(/(?<=[。；])/u)) {
    const asked = ASKED.exec(sentence);
    const askedParties = asked ? proseParties(asked[1] ?? '') : null;
    const by = BY.exec(sentence);
    const byParties = by ? proseParties(by[1] ?? '') : null;
    const subjectParties = subjectOf(sentence);
    const leading = askedParties ?? (by && by[2] === '牵头' ? byParties : null);
    if (leading) {
      // A party asked or leading outranks the subjects of earlier duty sentences.
      add(others, primary.filter((p) => !leading.includes(p)));
      primary = primary.length > 0 && askedParties === null && by?.[2] !== '牵头' ? primary : [...leading];
      const joining = JOINING.exec(sentence.slice((by?.index ?? 0) + (by?.[0].length ?? 0)));
      const joined = joining ? proseParties(joining[1] ?? '') : null;
      if (joined) add(partners, joined);
    }
    const plain = subjectParties ?? byParties;
    if (plain && plain !== leading) {
      if (primary.length === 0) primary = [...plain];
      else add(others, plain.filter((p) => !primary.includes(p)));
    }
    if (plain || leading) {
      const partner = PARTNERS.exec(sentence);
      const partnerParties = partner ? proseParties(partner[1] ?? '') : null;
      if (partnerParties) add(partners, partnerParties);
    }
  }
  if (primary.length === 0) return null;
  const participants: string[] = [];
  add(participants, [...others, ...partners].filter((p) => !primary.includes(p)));
  return { lead: primary, participants };
}

interface Group {
  duty: Duty;
  /** The group ends at the next heading of this type (or of the document's top type). */
  endsAt: HeadingType | null;
}

/** A heading alone on its line (`（一）加强组织领导。`, `三、试点任务`): it opens the paragraphs below it. */
function isHeadingOnly(rest: string): boolean {
  return rest.length <= 30 && !/[。；](?!$)/u.test(rest) && !rest.includes('，');
}

/** Measures of the prose duties in `lines` (the body of a document that gave no other measure). */
export function extractProseDuties(ctx: MeasureContext, lines: readonly BodyLine[]): void {
  let heading: { line: BodyLine; label: string; type: HeadingType } | null = null;
  let lastType: HeadingType | null = null;
  let group: Group | null = null;
  let index = 0;
  for (const l of lines) {
    const h = matchHeading(l.text);
    if (h) {
      if (group && (h.type === group.endsAt || h.type === 'cn' || h.type === 'part')) group = null;
      lastType = h.type;
    }
    if (h && isHeadingOnly(h.rest)) {
      heading = { line: l, label: h.label, type: h.type };
      continue;
    }
    const text = l.text;
    const duty = proseDuty(h ? h.rest : text);
    if (duty && /：$/u.test(text)) {
      group = { duty, endsAt: h ? h.type : (heading?.type ?? lastType) };
      heading = null;
      continue;
    }
    const own = duty ?? (h && group ? group.duty : null);
    if (!own) continue;
    const opening = heading && !h ? `${heading.line.text}\n` : '';
    index++;
    const label = h?.label ?? heading?.label ?? String(index);
    ctx.measures.push(
      makeMeasure(ctx, {
        key: `正文/${index}`,
        parentKey: null,
        path: [label],
        line: l.no,
        origin: 'inline',
        text: `${opening}${text}`,
        responsibility: { lead: own.lead, participants: own.participants, joint: false, openList: false, declaresFirstIsLead: false },
        deadline: ctx.parsers.findDeadline(text, { documentYear: ctx.documentYear }),
        basis: 'prose',
      }),
    );
    if (!h) heading = null;
  }
}
