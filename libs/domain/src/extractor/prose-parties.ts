import {
  isKnownDepartmentName,
  isLocalUnitName,
  isAreaTownships,
  isNamedTownName,
  isPlausibleDepartmentName,
} from '../departments/registry';
import { namedOutlets, withoutNonParties } from './prose-non-parties';
import { ISSUER_PRONOUN } from './prose-pronouns';
import { relativeClass } from './relative-parties';
import { isInternalUnit } from './internal-units';
import { ROLE_WORD, splitGluedLevels } from './roles';
import * as CLASSES from './prose-party-classes';

// Module-local copies of the class tests read per item (under tsx every use of an import is a getter call).
const {
  APPLICANTS,
  BUREAU_OWN_UNITS,
  COMPANY,
  CONDITIONAL_PLACES,
  COOPERATING_SIDES,
  ENTERPRISE_GROUP,
  FIELD_UNIT,
  FINANCIAL_BODY,
  GOVERNMENT_OWN_UNITS,
  GRASSROOTS,
  INSTITUTION_CLASS,
  JOINT_BODY,
  JOINT_MEETING,
  LEVEL_OWN_UNITS,
  LEVEL_TREASURY,
  MEMBER_UNITS,
  QUALIFIED_ENTERPRISES,
  REGULATED_ENTERPRISES,
  SCHOOL_QUALIFIER,
  SHARED_CLASS,
  SHORT_SECTORS,
  SPONSORING_UNIT,
  TASK_FORCE,
  TRANSPORT_STATIONS,
  isSchoolOrCommission,
} = CLASSES;

/**
 * Party lists of prose duty sentences (prose.ts): `A、B和C`, `各级政府及相关部门`, `科技部、财政部等有关部门`,
 * `市、区两级政府`. Stricter than the bracket grammar, because running text is mostly not a list of names:
 * every item must be a registry or local unit name, a collective (各地区, 有关部门, 地方各级人民政府, 试点地区) or
 * a unit-shaped phrase. After a role verb that only lists partners (`…等单位参与`), abbreviated sector names
 * (`发展改革`, `工商`) are accepted as written.
 */

const COLLECTIVE =
  /^(?:(?:全[省市县区州旗])?各|其他有关|其他相关|有关|相关|地方各级|县级以上|试点|当地)[\u4e00-\u9fff（）、]{0,20}$/u;
/** Unit words of a government party; 署/中心/机构/单位 alone are too often prose (部署, 依托单位) unless the registry knows the name. */
const UNIT_END = /(?:部门|人民政府|政府|部|委|局|厅|办|办公室|地区|城市|管委会|两级|各地|小组)$/u;
const COLLECTIVE_END =
  /(?:部门|人民政府|政府|部|委|局|厅|办|地区|城市|单位|管委会|两级|各地|高校|院所|市|县|区|州|镇|乡|街道|省份|省|机关|银行)$/u;
const NOT_A_NAME =
  /[的要对将在把向为与是时了等由于按需]|责成|^(?:以|第[一二三四五六七八九十百\d]+条|其中|同时|并|和|及|要|对|在|会同|通过|按照|根据|加强|推进|建立|鼓励|支持|具体|加快|系统|推动|引导|明确|强调|实现|联合|促进|督促|指导|组织|要求|完善|深化|落实|开展)|(?:布局|格局|部署|主任|秘书长|组长|同志)$|^办公室$/u;
/** Partner lists accept abbreviated sector names, never a phrase with a verb in it. */
const VERB_INSIDE = /负责|加强|严格|推动|联合|引导|实现|明确|监督|解释|做好|落实|开展|制定/u;
/** `试点地区政府办公厅（室）`, `国务院有关部门（单位）`: an office or unit qualifier in brackets is dropped; `各省（区、市）` keeps its places. */
const OFFICE_QUALIFIER = /（(?:室|单位)）$/u;
/**
 * `各乡（镇）要…`, `各乡镇（街道）`, `各街道（功能区）`, `各县市（区）`, `各县（区）`, `各市（州）` (one alternative; `各县（市、区）` is kept), `各有关省（市）要…`, `全县各镇（区、街道）`: the local level named first, its alternative or trailing
 * qualifier dropped (LABELLING §4; inside a name, `各有关省（市）人民政府`, it stays).
 */
const LOCAL_QUALIFIER =
  /^((?:全[市县区])?各(?:乡镇|镇街|街镇|乡|镇|街道|村|县市区|县市|县区|区县|市县)|各有关(?:省|市|县))（[^（）]{1,6}）$|^(各[县市区])（[^（）、]{1,3}）$/u;
/**
 * `市、区两级政府`, `县、乡镇两级政府`, `市、区人民政府`, `各市、县人民政府` are one party: the levels named before 两级/三级 or before the
 * government they share.
 */
const LEVELS =
  /^各?(?:[省市县区]|乡镇)(?:、(?:[省市县区乡镇]|乡镇|街道|县级市))+(?:(?:两级|三级)(?:人民政府|政府)?|人民政府|政府)$/u;

const YOU = '有'.charCodeAt(0);
const YE = '业'.charCodeAt(0);
const ZHI = '直'.charCodeAt(0);
const RELATIVE_ROLE = /^[^，。；的]{2,12}的(?:项目)?(?:责任单位|责任部门|牵头单位)$/u;
/**
 * `牵头部门要加大协调力度`, `各责任单位要…`, `上述责任单位要…` (after the list naming them): the bodies named by their role
 * in the work (LABELLING §3, notice-level roles); `起草单位应当根据审核意见…修改` (a rule's drafting body).
 */
const ROLE_COLLECTIVE =
  /^(?:各|相关|有关|上述|以上|其他)?(?:牵头|责任|配合|参与|协同|协办|主办|承办|会办|实施|起草)(?:责任)?(?:单位|部门)$/u;
const NI = '你'.charCodeAt(0);
const ADDRESSEE_DEPARTMENTS = /^你[省市区县](?:有关|相关|各)(?:部门|单位)$/u;
/** A class word without a qualifier of its own. */
const BARE_CLASS = /^(?:部门|单位|机构|地区)$/u;
const TONG = '统'.charCodeAt(0);
const SECTOR_SYSTEM =
  /^全[省市州县区](?![\u4e00-\u9fff]*(?:信息|服务|指挥|监测|预警|平台|管理))[\u4e00-\u9fff]{2,8}系统$/u;
/** `各镇（区）` → 各镇: a trailing qualifier is no part of the name (LABELLING §4). */
const TRAILING_QUALIFIER = /（[^（）]{1,6}）$/u;
const TOWNSHIP_LEVEL =
  /^(?:各|属地)?(?:乡镇|街道|镇街|街乡|镇|乡镇（街道）|街道办事处)(?:（[^（）]{1,6}）)?$/u;

export type PartyStrictness = 'unit' | 'partner';

/** Last characters of every name a unit-strict list accepts (UNIT_END, COLLECTIVE_END, the registry's kinds). */
export const UNIT_LAST =
  '门府局委部厅办室区地省市县州镇乡道位级校所会院心行团署司联协队组处份关构业）议金方政场伍村街站社体班支';
function isParty(name: string, strictness: PartyStrictness): boolean {
  if (name.length < 2 || name.length > 24) return false;
  // `我市全体干部要发挥模范带头作用`, `党员干部`: persons (干部 ends on the unit word 部), never a party.
  if (name.endsWith('干部')) return false;
  // `禁塑工作专班要对…进行抽查`: a task force set up for one work holds its own duties.
  if (name.endsWith('专班')) return TASK_FORCE.test(name);
  // `各级、各部门要…`: the levels written apart from the departments are a party of their own (LABELLING §4).
  // `乡镇要…`, `街道要…` (a county meeting's 规划部门要…；乡镇要…): the township level without 各, as with it.
  if (name === '各级' || GRASSROOTS.test(name) || TOWNSHIP_LEVEL.test(name)) return true;
  // `…，各行业要各司其职`: the sector bodies of the level as one collective; `山区乡镇要…`: townships of a kind of area.
  if (name === '各行业' || isAreaTownships(name)) return true;
  // `全市交通运输系统要…`: a sector's bodies of one level as one collective (as 局系统各单位).
  if (name.charCodeAt(name.length - 1) === TONG && SECTOR_SYSTEM.test(name)) return true;
  // 进度滞后的项目责任单位: a relative clause kept as the only delimiter of a role collective (LABELLING §4).
  if (RELATIVE_ROLE.test(name) || ROLE_COLLECTIVE.test(name) || MEMBER_UNITS.test(name)) return true;
  // `…和智库以及其他承担科研任务的单位`: an item of a list named by its relative clause.
  if (relativeClass(name) === name) return true;
  if (SPONSORING_UNIT.test(name) || JOINT_BODY.test(name)) return true;
  // `局机关各科室要…`, `委属各单位`: a department's own offices and units (internal-units.ts).
  if (isInternalUnit(name)) return true;
  // 你省 / 你们 (a reply's addressee, LABELLING §4) are no parties; the departments it names (`你省有关部门`) are.
  if (name.charCodeAt(0) === NI) return ADDRESSEE_DEPARTMENTS.test(name);
  // 有条件的地区要… / 有关的大中城市应… (older prose): places of a kind, qualified by a 的-phrase, given a duty as a class.
  if (name.charCodeAt(0) === YOU && CONDITIONAL_PLACES.test(name)) return true;
  if (isSchoolOrCommission(name)) return true;
  // 主要行业的支柱企业: a 的-phrase naming the enterprises' trade, read before NOT_A_NAME (which rejects 的).
  if (name.charCodeAt(name.length - 1) === YE && QUALIFIED_ENTERPRISES.test(name)) return true;
  // 由 inside 自由贸易(试验区) is no preposition.
  if (NOT_A_NAME.test(name.replace(/^各地/u, '').replace(/自由贸易/gu, ''))) return false;
  if (isKnownDepartmentName(name) || isLocalUnitName(name)) return true;
  // 由城关镇负责… (a county's problem list): a town by its name holds the duty in its area.
  if (isNamedTownName(name)) return true;
  if (name.charCodeAt(1) === ZHI && LEVEL_OWN_UNITS.test(name)) return true;
  if (GOVERNMENT_OWN_UNITS.test(name) || BUREAU_OWN_UNITS.test(name)) return true;
  // `成都高新区、天府新区管委会要…`: a development zone named before its committee's shared word is a party of its own.
  if (name.endsWith('区') && DEVELOPMENT_ZONE.test(name)) return true;
  const last = name.charAt(name.length - 1);
  // 联席会议 / 部际联席会议 (the body a 联席会议制度 sets up, often by its short name) holds its own duties.
  if (last === '议') return JOINT_MEETING.test(name);
  // 高等学校 / 医疗卫生机构 / 行业协会: institutions of a kind given a duty as a class.
  if ((last === '校' || last === '构' || last === '会') && INSTITUTION_CLASS.test(name)) return true;
  // 黄金生产企业 / 所有粮食经营企业: regulated bodies of a kind given a binding rule (the kind names their trade).
  if (last === '业' && REGULATED_ENTERPRISES.test(name)) return true;
  if (last === '场' && TRANSPORT_STATIONS.test(name)) return true;
  if (last === '团' && ENTERPRISE_GROUP.test(name)) return true;
  if ((last === '体' || last === '位') && APPLICANTS.test(name)) return true;
  // 国有林场 / 各林场 / 某某森林消防队 / 各乡镇（街道）森林消防队伍: the forest farms and fire crews a 森林防火 notice
  // gives their own duties.
  if ((last === '场' || last === '伍' || last === '队') && FIELD_UNIT.test(name)) return true;
  // 各省（区、市） / 各省（自治区、直辖市）: the provinces as a class, their kinds in brackets.
  if (last === '）' && /^各(?:省|市|县)（[^（）]{1,12}）$/u.test(name)) return true;
  if ((last === '构' || last === '金') && FINANCIAL_BODY.test(name)) return name.length <= 16;
  // 中国储备粮管理总公司 / 某某集团有限公司: an enterprise by its name, given a duty of its own.
  if (last === '司' && COMPANY.test(name)) return true;
  if (last === '方' && COOPERATING_SIDES.test(name)) return true;
  if (last === '政' && LEVEL_TREASURY.test(name)) return true;
  // 会同有关方面: the unnamed partners as one collective (a partner only, never a duty holder).
  if (strictness === 'partner' && /^(?:有关|相关|各)方面$/u.test(name)) return true;
  if (COLLECTIVE.test(name)) return COLLECTIVE_END.test(name);
  // 科研院所 / 高等院校 / 中央高校 / 三级公立医院: research, teaching and hospital bodies given a duty as a class.
  if (/(?:院所|院校|高校|医院)$/u.test(name)) return name.length <= 8;
  // 行政执法机关 / 国家机关: the authorities of a kind given a duty as a class.
  if (/机关$/u.test(name)) return name.length <= 10;
  // 法制审核机构 / 行政执法承办机构: an office of a named function given its own duty (two words before 机构).
  if (last === '构' && /[\u4e00-\u9fff]{4}机构$/u.test(name)) return name.length <= 10;
  if (strictness === 'partner' && name.length <= 12) return !VERB_INSIDE.test(name);
  return UNIT_END.test(name) && isPlausibleDepartmentName(name);
}

export interface ProseParties {
  names: string[];
  /** `等有关部门` closing the list: the unnamed rest, who take part. */
  open: string | null;
}

/** Module-local copy of the import called per item: under tsx every use of an import is a getter call. */
const splitGlued = splitGluedLevels;
const OPEN_PAREN = 0xff08;
const CLOSE_PAREN = 0xff09;
const ENUMERATION_COMMA = 0x3001;
const WO = '我'.charCodeAt(0);

/** Adds an item's names to `items`, its qualifiers dropped (both qualifier forms end in ）: most items skip them). */
function pushItem(items: string[], item: string): void {
  for (const name of splitGlued(item)) {
    const n =
      name.charCodeAt(name.length - 1) === CLOSE_PAREN
        ? name.replace(OFFICE_QUALIFIER, '').replace(LOCAL_QUALIFIER, '$1$2').replace(SCHOOL_QUALIFIER, '$1')
        : name;
    if (n.length === 0) continue;
    // `各有关部门、单位`: a bare class word shares the collective's qualifier before it — one party; so do a
    // department's offices and its units (`各牵头处室、单位`).
    const prev = items[items.length - 1];
    if (
      prev !== undefined &&
      BARE_UNIT_CLASS.test(n) &&
      (COLLECTIVE_BEFORE_CLASS.test(prev) || (n === '单位' && isInternalUnit(prev)))
    )
      items[items.length - 1] = `${prev}、${n}`;
    else items.push(n);
  }
}
const BARE_UNIT_CLASS = /^(?:部门|单位|机构)$/u;
const COLLECTIVE_BEFORE_CLASS =
  /^[\u4e00-\u9fff]{0,4}(?:各|有关|相关|直属?)[\u4e00-\u9fff]{0,4}(?:部门|单位)$/u;

/** Items separated by 、 outside brackets (`各省（区、市）人民政府` is one item); char codes, no per-character strings. */
function splitTopLevel(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === OPEN_PAREN) depth++;
    else if (c === CLOSE_PAREN) depth--;
    else if (depth === 0 && c === ENUMERATION_COMMA) {
      pushItem(items, text.slice(start, i));
      start = i + 1;
    }
  }
  pushItem(items, text.slice(start));
  return items;
}

/**
 * An item joined by 和/及/以及 is two parties only when both halves are and the right one is unit-shaped
 * (各级政府及相关部门, 奉贤区和临港地区管委会);
 * else it is one name (住房和城乡建设厅, 经济和信息化, 各有关部门和单位).
 */
function splitJoined(item: string, strictness: PartyStrictness): string[] | null {
  // `会同浦东新区、奉贤区和临港地区管委会`: a bare district before a zone's or government's unit is a place of its own.
  const place = strictness === 'partner' ? PLACE_AND_UNIT.exec(item) : null;
  if (place) return [place[1] ?? '', place[2] ?? ''];
  // `按照市委` has a local unit's shape (…市委) but opens on the basis it is read under: no name.
  if (BASIS_START.test(item)) return null;
  // `各牵头单位和责任单位`, `各牵头单位和汇总单位`: roles sharing the 各 of the first, one collective (LABELLING §4).
  if (ROLES_SHARING_GE.test(item)) return [item];
  // `县住建局和县城管局`: two units of one level joined by 和, never one unit named across the 和.
  const pair = JOINED_LEVEL_UNITS.exec(item);
  if (pair && isLocalUnitName(pair[1] ?? '') && isLocalUnitName(pair[2] ?? ''))
    return [pair[1] ?? '', pair[2] ?? ''];
  // `各乡镇和县公安局`: the townships beside a unit, never a place `各乡镇和县` with a 公安局 of its own.
  const township = TOWNSHIP_AND_UNIT.exec(item);
  if (township && isLocalUnitName(township[2] ?? '')) return [township[1] ?? '', township[2] ?? ''];
  // `各有关省（市）和部委`: a level written with its alternative, then another body — two parties, never one 委.
  const level = item.includes('）') ? LEVEL_AND_BODY.exec(item) : null;
  if (level && isParty(level[2] ?? '', strictness))
    return [...(proseParties(level[1] ?? '')?.names ?? [level[1] ?? '']), level[2] ?? ''];
  if (isKnownDepartmentName(item) || isLocalUnitName(item)) return [item];
  const at = /以及|和|及/u.exec(item);
  if (at && at.index > 0) {
    const left = item.slice(0, at.index);
    const right = item.slice(at.index + at[0].length);
    // `各相关部门及乡镇`, `各部门和乡镇`: the townships are a level of their own beside the departments.
    if (TOWNSHIP_LEVEL.test(right) && isParty(left, strictness))
      return [left, right.replace(TRAILING_QUALIFIER, '')];
    // `各有关地区和部门`: a bare class word on the right shares the left's qualifier, one collective party.
    const rest = right.length > 0 && !BARE_CLASS.test(right) ? splitJoined(right, strictness) : null;
    // `国务院有关部门（单位）和…`: the left's office qualifier is dropped as in a list item.
    if (rest && isParty(left, strictness) && rest.every((r) => isParty(r, 'unit')))
      return [left.replace(OFFICE_QUALIFIER, ''), ...rest];
  }
  return isParty(item, strictness) ? [item] : null;
}

const DEVELOPMENT_ZONE =
  /^(?:各)?[\u4e00-\u9fff]{0,8}(?:高新区|新区|开发区|经开区|高新技术产业开发区|经济技术开发区|园区|保税区|示范区|试验区)$/u;
const ROLES_SHARING_GE = new RegExp(`^各${ROLE_WORD}(?:和|及)${ROLE_WORD}$`, 'u');
const JOINED_LEVEL_UNITS =
  /^([省市县区][^和及、]{1,12}[局委办厅])(?:和|及|以及)([省市县区][^和及、]{1,12}[局委办厅])$/u;
const TOWNSHIP_AND_UNIT =
  /^(各(?:乡镇|镇|乡|街道|镇街|村|社区|村组)|村组|社区)(?:和|及|以及)([\u4e00-\u9fff]{3,16})$/u;
const BASIS_START = /^(?:按照|根据|依照|依据|通过|会同)/u;
const LEVEL_AND_BODY = /^(各(?:有关|相关)?[省市县区]（[^（）]{1,6}）)(?:和|及)([\u4e00-\u9fff]{2,12})$/u;

/** `奉贤区和临港地区管委会`: a bare district or county, then a unit (市人力资源和社会保障局 has no place on the left). */
const PLACE_AND_UNIT =
  /^([\u4e00-\u9fff]{1,6}[区县])(?:和|及)([\u4e00-\u9fff]{2,12}(?:管委会|管理委员会|人民政府|政府))$/u;

/**
 * A list of coordinated types sharing its last item's class word (SHARED_CLASS), as one name, after the parties
 * joined before it by 和/及 (`国家融资担保基金和省级担保、再担保基金（机构）` → 国家融资担保基金 + 省级担保、再担保基金); else null.
 */
function sharedClass(text: string): string[] | null {
  const m = SHARED_CLASS.exec(text);
  let whole = m?.[1];
  // 部门 is shared only by sectors written short (`交通、公路部门`), never after a clause (`…问题、各级各部门`).
  if (!whole || (whole.endsWith('部门') && !SHORT_SECTORS.test(whole))) return null;
  const before: string[] = [];
  const joined = /^([^、]{2,16}?)(?:和|及|以及)(?=[^、]+、)/u.exec(whole);
  if (joined && isParty(joined[1] ?? '', 'unit')) {
    before.push(joined[1] ?? '');
    whole = whole.slice(joined[0].length);
  }
  const items = whole.split('、');
  const last = items[items.length - 1] ?? '';
  if (!isParty(last, 'unit')) return null;
  // Each earlier item is a trade word or a bare level: a party of its own would make this an ordinary list.
  const earlier = items.slice(0, -1);
  return earlier.every((item) => /^[省市县区乡镇]$/u.test(item) || !isParty(item, 'unit'))
    ? [...before, whole]
    : null;
}

const FULL_OPEN_PAREN = 0xff08;
const GE = '各'.charCodeAt(0);
const BARE_LEVEL = /^([县区乡镇村])(?:（[^（）]{1,6}）)?$/u;
/** Splits a party list; null unless every item is a party. */
export function proseParties(list: string, strictness: PartyStrictness = 'unit'): ProseParties | null {
  let text = list.replace(/等$/u, '');
  // The opening bracket of an annotation the bracket reader rejected (`（A牵头，B配合，按季度推进）` read as prose):
  // never part of the first name.
  if (text.charCodeAt(0) === FULL_OPEN_PAREN && !text.includes('）')) text = text.slice(1);
  // A bracket left open (`养护里程（单位` before `：公里）`) is cut mid-phrase: no name.
  const lastOpen = text.lastIndexOf('（');
  if (lastOpen !== -1 && text.indexOf('）', lastOpen) === -1) return null;
  text = withoutNonParties(text);
  // A bare class word names nobody (`（单位：L/kWh）` is a unit of measure).
  if (text === '单位' || text === '部门') return null;
  let open: string | null = null;
  // `等有关部门` / `等市场监管领域有关部门`: the unnamed rest takes part; `等部门` / `等单位` only close the list.
  // `等有关部门和单位` keeps its collective whole; `等有关部门和各电信运营企业` adds a kind of body after the rest.
  const closing = !text.includes('等')
    ? null
    : /等([\u4e00-\u9fff]{0,8}?(?:有关|相关)(?:部门|单位)(?:和单位)?|部门|单位|(?:新闻)?媒体|[^，。；、等的]{2,20}的(?:部门|单位))(?:(?:和|及)((?:各|相关|有关)[\u4e00-\u9fff]{2,10}|乡镇|街道))?$/u.exec(
        text,
      );
  let added: string | null = null;
  if (closing) {
    text = text.slice(0, closing.index);
    // `县融媒体中心等媒体要…`: the outlets named, the class closing the list; `报纸、电视等媒体` names kinds, no body.
    const media = closing[1]?.endsWith('媒体') === true;
    if (media) text = namedOutlets(text);
    if (text === '') return null;
    // `A、B等与群众生活密切相关的部门`: a class described by a relative clause only closes the list (LABELLING §4).
    const described = closing[1]?.includes('的') === true;
    if (closing[1] !== '部门' && closing[1] !== '单位' && !media && !described) open = closing[1] ?? null;
    added = closing[2] ?? null;
  }
  // `财政、发展改革、教育等部门`: a list of several closed by 等部门 is marked as parties, so abbreviated sector names
  // are kept as written (as after 由…负责).
  if (strictness === 'unit' && closing && text.includes('、')) strictness = 'partner';
  // 我局 / 我们: the issuer or the reporting body speaking of itself (prose-pronouns.ts names it).
  if (text.length === 2 && text.charCodeAt(0) === WO && ISSUER_PRONOUN.test(text))
    return { names: [text], open };
  // Cheap screen (this runs for every duty marker of every sentence in documents without annotations): a unit
  // list ends in a unit word.
  const last = text.charAt(text.length - 1);
  if (strictness === 'unit' && !UNIT_LAST.includes(last) && !(last === '统' && SECTOR_SYSTEM.test(text)))
    return null;
  // `A接到B通知后，要…`: the party's own when-clause, never a name (a local unit's shape would take it whole).
  if (text.includes('接到') || text.includes('收到')) return null;
  // `不涉及…整改的其他单位`, `没有开展整改的部门及整改不彻底的部门`: one class named by its relative clause (kept whole).
  const relative = relativeClass(text);
  if (relative) return { names: [relative], open };
  if (LEVELS.test(text)) return { names: [text], open };
  const shared = text.includes('、') ? sharedClass(text) : null;
  if (shared) return { names: shared, open };
  const parties: string[] = [];
  for (const item of splitTopLevel(text)) {
    // `各市（州）、县（市、区）要…`, `各乡（镇）、村要…`: a bare lower level after a 各 level is a party of its own (§4).
    const bare = parties[parties.length - 1]?.charCodeAt(0) === GE ? BARE_LEVEL.exec(item) : null;
    if (bare) {
      // The level above loses its alternative too (`各市（州）` → 各市), as in the labels of the form.
      parties[parties.length - 1] = (parties[parties.length - 1] ?? '').replace(TRAILING_QUALIFIER, '');
      parties.push(bare[1] ?? '');
      continue;
    }
    const parts = splitJoined(item, strictness);
    if (!parts) return null;
    parties.push(...parts);
  }
  if (parties.length === 0) return null;
  if (added) parties.push(added);
  return { names: parties, open };
}

/**
 * `请各镇（街道）、林区继续…`: a list of several asked by name is a list of parties, as after 由 (places such as 林区
 * too) — when every item ends as a unit or a place does; never a list of verbs (`请认真学习、深刻领会并…`) or of
 * persons (`要求党员、干部…`).
 */
export function askedParties(list: string): ProseParties | null {
  const strict = proseParties(list);
  if (strict || !list.includes('、')) return strict;
  const items = list.split('、').map((item) => item.replace(/（[^（）]*）$/u, ''));
  return items.every((item) => ASKED_ITEM_END.test(item) && !PERSONS.test(item) && !VERB_INSIDE.test(item))
    ? proseParties(list, 'partner')
    : null;
}
const ASKED_ITEM_END = /[门府局委部厅办室区地省市县州镇乡道位级校所会院心团署司队组处构业村街场]$/u;
const PERSONS = /党员|干部|群众|人员|同志|领导/u;
