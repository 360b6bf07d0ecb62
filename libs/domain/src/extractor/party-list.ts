import * as REGISTRY from '../departments/registry';

// Module-local copies of the registry functions called per item: under tsx every use of an import is a getter call.
const {
  compactDepartmentName,
  isKnownDepartmentName,
  isLocalUnitName,
  isPlausibleDepartmentName,
  splitSubUnit,
  stripOpenListSuffix,
} = REGISTRY;

/**
 * The party-list part of the annotation grammar: top-level splitting (brackets respected), 、/和/及 between
 * names, 等… open lists, one-party groups (各区、县级市, 有关部门和单位) and bureau qualifiers.
 */

/** Bureaus named in a qualifier after a unit: `工业和信息化部（信管局）`. */
export interface DepartmentSubUnit {
  /** The unit as written, without the qualifier (as it appears in lead/participants). */
  department: string;
  subUnits: string[];
}

/** lexicon: registry or local-unit shape; plausible: also unit-shaped unknowns; labelled: anything name-sized after a role label. */
const DIGIT = /[0-9０-９]/;

// It ends on a place or body word: 各地根据实际情况 / 各地区按照要求抓紧 (…落实) are clauses, not groups.
const GROUP_NAME =
  /^各[\u4e00-\u9fff（）、]{0,11}[省市县区州盟旗乡镇街道村居社地级位门府委局办会构校院园所队站心业司室股部组团厂馆台）]$/u;
/** 相关街道 / 有关乡镇 (the bodies concerned), 崇川经济开发区 / 临港园区 (a zone's administration): local parties. */
const LOCAL_GROUP =
  /^(?:(?:相关|有关)[\u4e00-\u9fff]{0,4}(?:街道|乡镇|镇|社区|园区)|[\u4e00-\u9fff]{2,10}(?:开发区|高新区|园区))$/u;

/** A unit's section: 财务科, 局政法科, 局主办科室, 局宣传科研组, 综合股室, 工作组 (3–10 characters). */
const SECTION_NAME = /^[\u4e00-\u9fff]{1,8}(?:科|科室|股室|工作组|科研组|专班)$/u;
const NOT_A_SECTION = /(?:[学本专内外儿妇百文理工牙眼骨分重改编机题词模族数兽农]科|重组|改组|编组|分组)$/u;

/** Mass organisations by their short names (`妇联`, `区残联`, `团区委`, `县总工会`). */
const MASS_ORGANISATION =
  /^(?:[省市县区])?(?:妇联|残联|科协|侨联|文联|工商联|总工会|工会|红十字会)$|^团[省市县区]委$/u;

/**
 * The local governments of one level taken together (各市人民政府, 各乡镇, 各县（区）政府, 各街道办事处): a party in any list,
 * also a bare one without a verb, as the registry's 各区人民政府 is.
 */
const LEVEL_GROUP =
  /^各(?:省|市|县|区|州|盟|旗|乡|镇|乡镇|街道|县区|区县|市县|县市区|市州|州市|地市)(?:（[市区县旗州乡镇街道自治、]+）|〔[市区县旗州乡镇街道自治、]+〕)?(?:人民政府|政府|党委|党委和人民政府|党委、政府|党委政府|管委会|办事处|街道办事处)?$/u;

/**
 * `各街道（功能区）`, `各乡镇（街道）`, `各县（市、区）`: a local level with its alternative or qualifier in brackets is
 * that level (LABELLING §4); provinces keep theirs (`各省（自治区、直辖市）` spells the level out), and so does a
 * name the bracket sits inside (`各县（市、区）人民政府`).
 */
const QUALIFIED_LEVEL = /^(各(?:有关|相关)?(?:市|县|区|州|旗|乡|镇|乡镇|街道|县区|县市区))（[^（）]{1,6}）$/u;

/**
 * `各县（市、区）政府（管委会）`: the local governments with the zones' administrations named as their alternative — the
 * level as written, its trailing qualifier dropped (LABELLING §4).
 */
const ZONE_ALTERNATIVE = /^(各[^（）]{1,6}(?:（[^（）]{1,8}）)?(?:人民)?政府)（(?:管委会|管理委员会)）$/u;

export type Strictness = 'lexicon' | 'plausible' | 'labelled';
/**
 * A development zone (`荆州开发区`, `某某高新区`), a company (`某某供电公司`) or the level's own open collective of departments (`市政府相关部门`): not a
 * lexicon name, but a member of a bare list of units whose other members are (`（市发改委，市政府相关部门，各县市区政府，
 * 荆州开发区）`). Alone in a bracket such a name is a place or an aside, so it is only read beside a lexicon name.
 */
const BARE_LIST_COMPANION =
  /^(?:[\u4e00-\u9fff]{2,10}(?:开发区|高新区|新区|园区|公司|集团)|(?:省|市|县|区)(?:人民)?政府(?:相关|有关|其他|各)部门)$/u;

/**
 * A bare list of lexicon names with zones or the level's open collective beside them (`（市发改委，市政府相关部门，
 * 各县市区政府，荆州开发区）`): at least two names, one of them a lexicon name, the rest lexicon names or companions.
 */
export function isMixedBareList(names: readonly string[]): boolean {
  if (names.length < 2) return false;
  let lexicon = false;
  for (const name of names) {
    if (isAcceptableName(name, 'lexicon')) lexicon = true;
    else if (!BARE_LIST_COMPANION.test(name)) return false;
  }
  return lexicon;
}

// 磨憨—磨丁合作区管委会: a dash joins two place names inside one unit's name.
const LABELLED_NAME = /^[\u4e00-\u9fffA-Za-z（）〔〕、“”][\u4e00-\u9fffA-Za-z（）〔〕、“”—]{1,29}$/u;
/** Bracket depth step of a char code: （〔［【([ open, ）〕］】)] close (char codes: this runs per character). */
function bracketStep(c: number): number {
  if (c === 0xff08 || c === 0x3014 || c === 0xff3b || c === 0x3010 || c === 0x28 || c === 0x5b) return 1;
  if (c === 0xff09 || c === 0x3015 || c === 0xff3d || c === 0x3011 || c === 0x29 || c === 0x5d) return -1;
  return 0;
}

export function splitTopLevel(text: string, separators: readonly number[]): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const step = bracketStep(c);
    if (step !== 0) depth = Math.max(0, depth + step);
    else if (depth === 0 && separators.includes(c)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** ， ； 。 */
export const CLAUSE_SEPARATORS: readonly number[] = [0xff0c, 0xff1b, 0x3002];
/** 、 */
const ITEM_SEPARATORS: readonly number[] = [0x3001];

export function topLevelIndexes(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!text.includes(needle)) return found;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const step = bracketStep(text.charCodeAt(i));
    if (step !== 0) depth = Math.max(0, depth + step);
    else if (depth === 0 && text.startsWith(needle, i)) found.push(i);
  }
  return found;
}

// Full-width digits too (`１０县市人民政府`): DIGIT, which rejects any other digit in a name, counts them as digits.
const COUNTED_LOCAL_SOURCE =
  '[0-9０-９]{1,2}个?(?:县市区|县市|县区|区县|市县|乡镇|街道|县)(?:人民政府|政府)?';
const COUNTED_LOCALS = new RegExp(`^${COUNTED_LOCAL_SOURCE}$`, 'u');
/** `10县市人民政府` anywhere in a list: the one digit a party list may hold (see isAcceptableName). */
export const COUNTED_LOCAL = new RegExp(COUNTED_LOCAL_SOURCE, 'gu');

/**
 * `市、区爱卫办`, `市、区教育局`: bare levels before a unit of the last level share its unit words — one party as written
 * (LABELLING §4, coordinated types with a shared suffix), acceptable when the last level's unit is.
 */
const SHARED_LEVELS = /^(?:[省市县区]、)+([市县区][\u4e00-\u9fff]{2,15})$/u;
const BARE_LEVEL = /^[省市县区]$/u;
const LEVEL_UNIT = /^[市县区][\u4e00-\u9fff]{2,15}$/u;
const LEVEL_CHAIN = /^(?:[省市县区]、)*[省市县区]$/u;

function isAcceptableName(name: string, strictness: Strictness): boolean {
  if (name.length === 0) return false;
  const shared = name.length > 4 && name.charCodeAt(1) === 0x3001 ? SHARED_LEVELS.exec(name) : null;
  if (shared) return isAcceptableName(shared[1] ?? '', strictness);
  // 10县市人民政府: the local governments counted, a group of local bodies; any other digit is no name.
  if (DIGIT.test(name)) return COUNTED_LOCALS.test(name);
  const unit = splitSubUnit(name).unit;
  if (isKnownDepartmentName(unit) || isLocalUnitName(unit) || LEVEL_GROUP.test(unit)) return true;
  if (strictness === 'labelled') return LABELLED_NAME.test(unit);
  // A group of local bodies (各镇（街道）, 各乡镇, 各县区) beside a verb is a party even when not unit-shaped.
  if (strictness === 'plausible' && (GROUP_NAME.test(unit) || LOCAL_GROUP.test(unit))) return true;
  // 锦城街道 / 昌化镇 / 妇联 in a party cell or beside a verb: a town or a mass organisation by its short name.
  if (strictness === 'plausible' && (REGISTRY.isNamedTownName(unit) || MASS_ORGANISATION.test(unit)))
    return true;
  // 财务科 / 局政法科 / 局主办科室 / 局宣传科研组 in a party cell or beside a verb: a unit's own section (a department's
  // 政务公开 task table gives its duties to its sections), never a discipline or a regrouping (学科, 专科, 重组).
  if (strictness === 'plausible' && SECTION_NAME.test(unit) && !NOT_A_SECTION.test(unit)) return true;
  return strictness === 'plausible' && isPlausibleDepartmentName(unit);
}

/**
 * Splits on a conjunction (和 / 及) only where it joins two acceptable names, never inside a
 * known name such as 工业和信息化部 or 人力资源和社会保障部.
 */
function splitOnConjunction(piece: string, conjunction: string, strictness: Strictness): string[] {
  if (isKnownDepartmentName(piece)) return [piece];
  for (const index of topLevelIndexes(piece, conjunction)) {
    const left = piece.slice(0, index);
    const right = piece.slice(index + conjunction.length);
    // 各县（市、区）党委和人民政府, 高新区党工委和管委会: a bare 政府/管委会 shares the left name's place, one party.
    if (SHARED_PLACE_UNIT.test(right)) continue;
    // 省有关部门和单位: the bare unit word shares the collective's qualifier — one party (LABELLING §4).
    if (BARE_UNIT_WORD.test(right) && COLLECTIVE_BEFORE_UNIT_WORD.test(left)) continue;
    if (
      isAcceptableName(stripOpenListSuffix(left).name, strictness) &&
      splitOnConjunction(right, conjunction, strictness).every((part) =>
        isAcceptableName(stripOpenListSuffix(part).name, strictness),
      )
    ) {
      return [left, ...splitOnConjunction(right, conjunction, strictness)];
    }
  }
  return [piece];
}

/** `等有关部门和单位` closing a list: an open list plus a collective party written as in the text. */
const COLLECTIVE_TAIL = /等((?:有关|相关|其他)?部门和单位)$/u;
const LEAD_MARK = /（(?:牵头|牵头单位|牵头部门|主办|主责)）$/u;
const OPEN_COLLECTIVE = /等((?:[省市州县区盟旗][级直])?(?:有关|相关)(?:部门|单位))$/u;
/** `各区、县级市`, `各市、县人民政府`: one party although 、 separates its levels. */
const LEVEL_HEAD = /^各(?:有关|相关)?(?:省|市|区|县|州|盟|地|乡|镇|旗)$/u;
/** …also with the zones named as the governments' alternative: `各县、区人民政府（管委会）`. */
const LEVEL_TAIL =
  /^(?:县级市|县|市|区|州|盟|旗|乡镇|镇|街道)(?:（[市区县旗、]+）|〔[市区县旗、]+〕)?(?:人民政府|政府|管委会)?(?:（(?:管委会|管理委员会)）)?$/u;

const BARE_UNIT_WORD = /^(?:单位|部门|机构)$/u;
const COLLECTIVE_BEFORE_UNIT_WORD =
  /^[\u4e00-\u9fff]{0,6}(?:各|有关|相关|直属?)[\u4e00-\u9fff]{0,4}(?:部门|单位|机构)$/u;
const SHARED_PLACE_UNIT = /^(?:人民政府|政府|管委会|管理委员会)$/u;
const PARTY_COMMITTEE_GROUP = /^各[\u4e00-\u9fff（）]{1,8}党委$/u;
/** `城乡一体化示范区、高新区党工委和管委会`: a bare place before a unit of the same kind shares its unit words. */
const BARE_PLACE = /^[\u4e00-\u9fff]{2,10}区$/u;

/**
 * `黄埔区、南沙区政府`: a district named bare beside another district's government — two parties as written (LABELLING §4,
 * no suffix added); only zones share their administration's unit words (`…开发区、…新区管委会`).
 */
const DISTRICTS_AND_GOVERNMENT = /^[\u4e00-\u9fff]{1,3}区、[\u4e00-\u9fff]{1,3}区(?:人民)?政府$/u;

const BARE_DISTRICT = /^[\u4e00-\u9fff]{2,3}区$/u;
const DISTRICT_GOVERNMENT = /^[\u4e00-\u9fff]{2,3}区(?:人民)?政府$/u;

/** A bare place closing a list joined by 和/及 (`各县政府和金华开发区`): the place, after the conjunction. */
const JOINED_BARE_PLACE = /^(.+?)[和及]([\u4e00-\u9fff]{2,10}区)$/u;

/**
 * `金华开发区、金义都市新区、金华山旅游经济区管委会` (also after `各县政府和`): every bare place before the place that
 * carries the unit words shares them — one party (LABELLING §4, coordinated types with a shared suffix).
 */
function shareUnitWords(out: string[]): void {
  while (out.length > 1) {
    const before = out[out.length - 2] ?? '';
    const bare = BARE_PLACE.test(before);
    const joined = bare ? null : JOINED_BARE_PLACE.exec(before);
    if (!bare && !joined) return;
    const last = out.pop() ?? '';
    if (joined) {
      out[out.length - 1] = joined[1] ?? '';
      out.push(`${joined[2] ?? ''}、${last}`);
      return;
    }
    out[out.length - 1] = `${before}、${last}`;
  }
}

const GE = '各'.charCodeAt(0);
/** The text before the first 、 (all of it without one), as `split('、')[0]`. */
function firstLevel(list: string): string {
  const comma = list.indexOf('、');
  return comma === -1 ? list : list.slice(0, comma);
}

function mergeLevelGroups(pieces: string[]): string[] {
  const out: string[] = [];
  for (const piece of pieces) {
    const prev = out[out.length - 1];
    // LEVEL_HEAD opens with 各: only such a list has its first level sliced out (no split per piece).
    if (
      prev !== undefined &&
      prev.charCodeAt(0) === GE &&
      LEVEL_HEAD.test(firstLevel(prev)) &&
      LEVEL_TAIL.test(piece)
    ) {
      out[out.length - 1] = `${prev}、${piece}`;
    } else if (
      prev !== undefined &&
      LEVEL_CHAIN.test(prev) &&
      (LEVEL_UNIT.test(piece) || BARE_LEVEL.test(piece))
    ) {
      // 市、区爱卫办, 省、市、县教育部门: bare levels share the unit words of the last one (isAcceptableName reads the whole).
      out[out.length - 1] = `${prev}、${piece}`;
    } else if (prev !== undefined && BARE_UNIT_WORD.test(piece) && COLLECTIVE_BEFORE_UNIT_WORD.test(prev)) {
      // 市直有关部门、单位: the bare unit word shares the collective's qualifier — one party, never `单位`.
      out[out.length - 1] = `${prev}、${piece}`;
    } else if (prev !== undefined && PARTY_COMMITTEE_GROUP.test(prev) && SHARED_PLACE_UNIT.test(piece)) {
      // 各县市区党委、政府: the committees and the governments of one level, one party.
      out[out.length - 1] = `${prev}、${piece}`;
    } else if (
      prev !== undefined &&
      (BARE_PLACE.test(prev) || JOINED_BARE_PLACE.test(prev)) &&
      /区[\u4e00-\u9fff]*(?:委|管委会|政府)$/u.test(piece) &&
      !DISTRICTS_AND_GOVERNMENT.test(`${prev}、${piece}`)
    ) {
      out.push(piece);
      shareUnitWords(out);
    } else out.push(piece);
  }
  return out;
}

export interface ItemList {
  names: string[];
  /** `X等有关部门和单位`: the collective after 等 joins as a participant. */
  trailing: string[];
  /** Names written with a （牵头） marker. */
  marked: string[];
  /** `X等有关部门`: the collective closing the open list (kept as a participant under a first-is-lead convention). */
  openCollective: string | null;
  openList: boolean;
  subUnits: DepartmentSubUnit[];
  valid: boolean;
}

export function parseItems(list: string, strictness: Strictness): ItemList {
  const result: ItemList = {
    names: [],
    marked: [],
    trailing: [],
    openCollective: null,
    openList: false,
    subUnits: [],
    valid: true,
  };
  const pieces = mergeLevelGroups(splitTopLevel(list.replace(/以及/g, '、'), ITEM_SEPARATORS));
  for (let k = 0; k < pieces.length; k++) {
    const rawPiece = pieces[k] ?? '';
    let piece = rawPiece.replace(/^(?:及|和|与)/, '');
    const collective = COLLECTIVE_TAIL.exec(piece);
    if (collective && collective.index > 0) {
      result.trailing.push(collective[1] ?? '');
      result.openList = true;
      piece = piece.slice(0, collective.index);
    }
    if (piece.length === 0) {
      result.valid = false;
      continue;
    }
    // 市人力资源和社会保障局 is one name: even after a label, 和/及 split only between unit-shaped names.
    const splitting = strictness === 'labelled' ? 'plausible' : strictness;
    // Most items hold neither conjunction: no split to try (nor the registry lookups it starts with).
    const conjoined =
      !piece.includes('及') && !piece.includes('和')
        ? [piece]
        : splitOnConjunction(piece, '及', splitting).flatMap((part) =>
            splitOnConjunction(part, '和', splitting),
          );
    for (const part of conjoined) {
      const open = OPEN_COLLECTIVE.exec(part);
      if (open && open.index > 0) result.openCollective = open[1] ?? null;
      // 市发展改革委（牵头）: a lead marker after a name, not a bureau qualifier.
      const marked = LEAD_MARK.exec(part);
      const bare = marked ? part.slice(0, marked.index) : part;
      const stripped = stripOpenListSuffix(compactDepartmentName(bare));
      if (stripped.openList) result.openList = true;
      const { unit, subUnits } = splitSubUnit(stripped.name);
      // 黄埔区、南沙区政府: a district named bare before another district's government is a party of its own.
      const district =
        strictness !== 'lexicon' && BARE_DISTRICT.test(unit) && DISTRICT_GOVERNMENT.test(pieces[k + 1] ?? '');
      if (!district && !isAcceptableName(unit, strictness)) {
        result.valid = false;
        continue;
      }
      const name = QUALIFIED_LEVEL.exec(unit)?.[1] ?? ZONE_ALTERNATIVE.exec(unit)?.[1] ?? unit;
      result.names.push(name);
      if (marked) result.marked.push(name);
      if (subUnits.length > 0) result.subUnits.push({ department: name, subUnits });
    }
  }
  return result;
}
