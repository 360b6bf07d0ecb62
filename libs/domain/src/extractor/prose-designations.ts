import {
  KEY_CHIEF as KEY_CHIEFImported,
  KEY_PAIR as KEY_PAIRImported,
  KEY_QIAN as KEY_QIANImported,
  KEY_QING as KEY_QINGImported,
  KEY_SHE as KEY_SHEImported,
  KEY_XI as KEY_XIImported,
  KEY_ZHU as KEY_ZHUImported,
} from './prose-chars';
import { proseParties as prosePartiesImported } from './prose-parties';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const KEY_CHIEF = KEY_CHIEFImported;
const KEY_PAIR = KEY_PAIRImported;
const KEY_QIAN = KEY_QIANImported;
const KEY_QING = KEY_QINGImported;
const KEY_SHE = KEY_SHEImported;
const KEY_XI = KEY_XIImported;
const KEY_ZHU = KEY_ZHUImported;
const proseParties = prosePartiesImported;

/**
 * Sentence forms of 通报 / 公示 and organisation texts that address or designate their duty holders without a duty
 * marker right after the name, read by prose-sentence.ts (each screened there by a key character first):
 * `希望A、B…` (the parties a progress notice urges), `由A负责的第1件、B负责的第4件…，请以上责任单位…` (the units
 * named before, asked together), and `X办公室设在A，主要承担…` (an office whose own duties follow: the office holds
 * them, its host takes part), and sentences of several designations (`A是…的责任主体，B是…的责任主体`).
 */

export type ProseRole = 'asked' | 'leading' | 'duty' | 'supervising' | 'partner';

export interface DesignatedName {
  name: string;
  role: ProseRole;
}

const NAME_CHARS = '[\\u4e00-\\u9fff（）、]';

/** `希望各地各有关部门高度重视…` / `，希望各责任单位进一步…`: the parties urged are addressed as by 请. */
const HOPED = new RegExp(
  `(?:^|[，：])希望(${NAME_CHARS}{2,40}?)(?=要|能|进一步|高度|认真|切实|加强|加快|抓紧|积极|继续|按照|结合|把|对|在|于|尽快|务必)`,
  'u',
);

/** `请以上责任单位…` / `请以上单位…`: the units the sentence named before are asked. */
const ABOVE_ASKED = /请以上(?:各)?(?:责任)?(?:单位|部门)/u;
/** `由县民政局负责的第1件`, `、县发改局负责的第4件`: each unit named as responsible for an item listed before. */
const RESPONSIBLE_FOR = new RegExp(`(?:，?由|、|，)(${NAME_CHARS.replace('、', '')}{2,20}?)负责的`, 'gu');

/** `联席会议办公室设在教育部，主要承担…日常工作`: the office set up holds the duties, its host takes part. */
const OFFICE_WITH_DUTIES = new RegExp(
  `^([\\u4e00-\\u9fff]{0,16}(?:办公室|秘书处))设在(${NAME_CHARS}{2,40}?)，(?:主要)?(?:承担|负责)`,
  'u',
);

/** The parties a `希望…` sentence urges, or null (a screen on 希望 first). */
export function hopedParties(sentence: string, out: DesignatedName[]): boolean {
  const m = sentence.includes('希望') ? HOPED.exec(sentence) : null;
  const parties = m ? proseParties(m[1] ?? '') : null;
  if (!parties) return false;
  for (const name of parties.names) out.push({ name, role: 'asked' });
  return true;
}

/** `由A负责的…、B负责的…，请以上责任单位…`: every unit named responsible before the request is asked. */
export function unitsAskedAbove(sentence: string, out: DesignatedName[]): boolean {
  const asked = ABOVE_ASKED.exec(sentence);
  if (!asked) return false;
  const before = sentence.slice(0, asked.index);
  let found = false;
  for (const m of before.matchAll(RESPONSIBLE_FOR)) {
    const parties = proseParties(m[1] ?? '');
    for (const name of parties?.names ?? []) {
      out.push({ name, role: 'asked' });
      found = true;
    }
  }
  return found;
}

/** `X办公室设在A，主要承担…`: the office leads, the host takes part; null unless the office's duties follow. */
export function officeWithDuties(sentence: string, out: DesignatedName[]): boolean {
  const m = OFFICE_WITH_DUTIES.exec(sentence);
  const office = m?.[1] ?? '';
  const host = m ? proseParties(m[2] ?? '') : null;
  if (!host || office.length < 4) return false;
  out.push({ name: office, role: 'leading' });
  for (const name of host.names) out.push({ name, role: 'partner' });
  return true;
}

/** One clause designating a body: `A是…的责任主体`, `B为…的主管单位`, `C或指定的专门司局是…的主管单位`. */
const DESIGNATION = /^([^，。；]{2,30}?)(?:是|为)[^，。；]{1,30}?(?:责任主体|主管单位|主管部门)。?$/u;

/**
 * `A是市级项目的责任主体，B和C是县级项目的责任主体。`: a sentence of several designations gives each body its duty
 * (the subject scan stops at the first). A body written with its alternative (`A或指定的专门司局`) is A; a clause whose
 * holder is a relative clause (`实行…管理的国务院部门办公厅`) names no party and is skipped.
 */
export function designatedBodies(sentence: string, out: DesignatedName[]): boolean {
  // Two designating clauses need a comma and one of the designation words (主 alone is in most sentences).
  if (sentence.indexOf('，') === -1 || (!sentence.includes('责任主体') && !sentence.includes('主管')))
    return false;
  const names: string[] = [];
  let clauses = 0;
  for (const clause of sentence.split('，')) {
    const m = DESIGNATION.exec(clause);
    if (!m) continue;
    clauses++;
    const head = m[1] ?? '';
    const parties =
      proseParties(head) ?? (head.includes('或') ? proseParties(head.split('或')[0] ?? '') : null);
    names.push(...(parties?.names ?? []));
  }
  if (clauses < 2 || names.length === 0) return false;
  for (const name of names) out.push({ name, role: 'duty' });
  return true;
}

/** `建立省级政府办公厅牵头、省级有关部门参与的工作机制`: the units of the mechanism a holder sets up. */
const MECHANISM_UNITS = new RegExp(
  `建立(?:健全|完善)?(${NAME_CHARS}{2,30}?)牵头、(${NAME_CHARS}{2,40}?)(?:参与|配合|参加)的[^，。；]{0,10}机制`,
  'u',
);

/**
 * The lead and members of a mechanism the sentence's holder is to set up take part (like the counterparts of a
 * 协调机制).
 */
function mechanismUnits(sentence: string, out: DesignatedName[]): void {
  const m = MECHANISM_UNITS.exec(sentence);
  if (!m) return;
  for (const list of [m[1] ?? '', m[2] ?? '']) {
    const parties = proseParties(list) ?? (list.includes('、') ? proseParties(list, 'partner') : null);
    for (const name of parties?.names ?? []) out.push({ name, role: 'partner' });
    if (parties?.open) out.push({ name: parties.open, role: 'partner' });
  }
}

/** `…工作实行地方各级人民政府行政首长负责制`: the governments whose heads answer for the work hold it (LABELLING §3). */
const CHIEF_EXECUTIVES = new RegExp(`实行(${NAME_CHARS}{2,30}?)(?:行政首长|主要领导)负责制?`, 'u');

/**
 * Parties read beside the sentence's subject, never instead of it: the units of a mechanism it sets up (screened on
 * 牵 and 机制, after a subject was found) and the governments a 行政首长负责制 names (their own duty).
 */
export function unitsBeside(
  sentence: string,
  keys: number,
  subjectFound: boolean,
  out: DesignatedName[],
): void {
  if (keys & KEY_QIAN && subjectFound && sentence.includes('机制')) mechanismUnits(sentence, out);
  const chief =
    keys & KEY_CHIEF && (sentence.includes('首长负责') || sentence.includes('领导负责'))
      ? CHIEF_EXECUTIVES.exec(sentence)
      : null;
  const parties = chief ? proseParties(chief[1] ?? '') : null;
  for (const name of parties?.names ?? []) out.push({ name, role: 'duty' });
}

/** Last characters of a post-holder (负责同志, 负责人, 主要领导) and of a short-name bracket. */
const ZHI = '志'.charCodeAt(0);
const REN = '人'.charCodeAt(0);
const DAO = '导'.charCodeAt(0);
const SHOU = '手'.charCodeAt(0);
const YUAN = '员'.charCodeAt(0);
const JI = '记'.charCodeAt(0);
const CLOSE_QUOTE = '”'.charCodeAt(0);
const COMMA = '，'.charCodeAt(0);
const CLOSE_PAREN = '）'.charCodeAt(0);
/**
 * A unit's post-holder given the unit's duty (`各责任单位的主要负责同志要…负总责`, `各地、各部门主要负责人作为…第一责任人，要…`,
 * `进度滞后的项目责任单位主要领导要…`, `各乡镇党委书记要…`, `县自然资源局全体班子成员要…`): the duty is the unit's, so the
 * list is read without it.
 */
const POST_HOLDER =
  /(?:的)?(?:主要负责同志|主要负责人|主要领导(?:同志)?|“一把手”|一把手|党(?:委|组|工委)书记|(?:全体)?(?:领导)?班子成员)(?:作为[^，。；]{1,20}第一责任人，)?$/u;
/** `县森林防火指挥部（以下简称县指挥部）负责…`: the short name defined between the party and its duty is dropped. */
const SHORT_NAME = /（以下简称[^（）]{1,12}）$/u;

/** `南安市某某消防队在此期间要…`: a time adverbial between the party and its duty (no comma) is dropped. */
const DURING = /(?:在|于)?(?:此|这一|上述|该|防火|禁火)?期间$/u;
const JIAN = '间'.charCodeAt(0);

/**
 * The text before a duty marker read as the party list: a post-holder, a short-name bracket or a time adverbial at its
 * end dropped.
 */
export function holderBefore(before: string, prev: number): string {
  if (prev === JIAN) return before.replace(DURING, '');
  // 员 ends a unit's 班子成员 only (`行政机关及其工作人员依法…` names persons, no unit).
  if (prev === YUAN) return POST_HOLDER.test(before) ? before.replace(POST_HOLDER, '') : '';
  if (
    prev === COMMA ||
    prev === ZHI ||
    prev === REN ||
    prev === DAO ||
    prev === SHOU ||
    prev === JI ||
    prev === CLOSE_QUOTE
  )
    return before.replace(POST_HOLDER, '');
  return prev === CLOSE_PAREN ? before.replace(SHORT_NAME, '') : before;
}

/**
 * The forms above, each screened by its key character (prose-chars.ts): true when one named the sentence's parties,
 * which then needs no subject scan.
 */
export function designatedIn(sentence: string, keys: number, out: DesignatedName[]): boolean {
  if (keys & KEY_XI && hopedParties(sentence, out)) return true;
  if (keys & KEY_QING && sentence.includes('以上') && unitsAskedAbove(sentence, out)) return true;
  if (keys & KEY_PAIR && keys & KEY_ZHU && designatedBodies(sentence, out)) return true;
  return (keys & KEY_SHE) !== 0 && sentence.includes('设在') && officeWithDuties(sentence, out);
}

/** `…是A、B和C（以下统称“承办单位”）的法定职责`: the work is the statutory duty of the bodies named. */
const STATUTORY_DUTY =
  /是((?:(?!是)[\u4e00-\u9fff（）、，]){2,80}?)(?:（以下(?:统称|简称)[^（）]{1,12}）)?的(?:法定)?职责(?=[。；，]|$)/u;
/** `市政府各委、办、局`, `市有关单位`: the government's organs by their kinds, the level's other units; one collective each. */
const ORGAN_CLASSES = /^(?:[省市县区](?:人民)?政府各委、办、局|[省市县区]有关(?:单位|部门))$/u;

/** `办理建议、提案是市政府及其各部门、各直属单位的法定职责`: the bodies whose statutory duty the work is. */
export function statutoryDuty(sentence: string, out: DesignatedName[]): void {
  const list = STATUTORY_DUTY.exec(sentence)?.[1];
  if (!list) return;
  const whole = proseParties(list);
  const names: string[] = whole ? [...whole.names] : [];
  // Comma-separated lists, each of them parties (`各区政府，市政府各委、办、局和市有关单位`).
  if (!whole && list.includes('，')) {
    for (const part of list.split(/，|和(?=[省市县区]有关)/u)) {
      const parties = proseParties(part)?.names ?? (ORGAN_CLASSES.test(part) ? [part] : null);
      if (!parties) return;
      names.push(...parties);
    }
  }
  for (const name of names) out.push({ name, role: 'duty' });
}

/**
 * `将开发区建设组织协调职责划归市工业和信息化局`, `…有关职责划入市商务局` (a 三定 regulation's 职责调整): the body the
 * duty is transferred to holds it.
 */
const TRANSFERRED_DUTY = new RegExp(
  `(?:职责|职能)(?:划归|划入|划给|划转(?:给|至|到)|移交(?:给|至)?|交由)(${NAME_CHARS}{2,30}?)(?:负责|承担)?(?=[。；，]|$)`,
  'u',
);

export function transferredDuty(sentence: string, out: DesignatedName[]): void {
  const m = sentence.includes('职') ? TRANSFERRED_DUTY.exec(sentence) : null;
  const parties = m ? proseParties(m[1] ?? '') : null;
  for (const name of parties?.names ?? []) out.push({ name, role: 'duty' });
}

/** `州发改委、州财政局…为协办单位` (an organisation section's designation of the supporting side). */
const DESIGNATED_SUPPORT = /^([\u4e00-\u9fff（）、]{2,200}?)为协办(?:责任)?单位/u;

/**
 * `A、B…为协办单位，各单位要互相配合`: the units designated to support the lead take part; `各单位` after them is the
 * same list, no party of its own (dropped from what the sentence gave since `before`).
 */
export function designatedSupport(sentence: string, before: number, out: DesignatedName[]): void {
  const list = DESIGNATED_SUPPORT.exec(sentence)?.[1];
  const supporting = list ? proseParties(list) : null;
  if (!supporting) return;
  for (let i = out.length - 1; i >= before; i--) if (out[i]?.name === '各单位') out.splice(i, 1);
  for (const name of supporting.names) out.push({ name, role: 'partner' });
}

/**
 * `农业部也表示，对你省的农业产业化项目将继续予以重点支持`, `水利部也表示将积极配合发展改革委…` (a reply letter reporting
 * another department's word): the speaker commits itself — the clause after 表示 opens on its own 将/要/会 (or on the
 * object of it, `对…将…`), never on another subject (`市教育局表示，各学校要…` is read by the subject scan).
 */
const SPEAKER_COMMITS =
  /^([\u4e00-\u9fff（）、]{2,20}?)(?:也|还|均|都)?表示，?((?:对[^，。；]{1,30}?)?(?:也|还)?(?:将|会|要)[^。；]*)/u;

/** The speaker committing itself and what it commits to (the clause from its 将/要/会), or null. */
export function speakerCommitment(sentence: string): { parties: string[]; rest: string } | null {
  const m = SPEAKER_COMMITS.exec(sentence);
  const parties = m ? proseParties(m[1] ?? '') : null;
  if (!m || !parties) return null;
  const rest = (m[2] ?? '').replace(/^对[^，。；]{1,30}?(?=(?:也|还)?(?:将|会|要))/u, '');
  return { parties: parties.names, rest };
}
