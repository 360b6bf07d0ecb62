import { DEPARTMENT_DATA } from './data';
import type { DepartmentKind, DepartmentRecord, DepartmentResolution } from './types';

/** The department registry: current units, their aliases, and reorganised predecessors. */
export const DEPARTMENTS: readonly DepartmentRecord[] = DEPARTMENT_DATA;

const FULL_PREFIX = '中华人民共和国';

function buildLexicon(records: readonly DepartmentRecord[]): Map<string, DepartmentRecord> {
  const lexicon = new Map<string, DepartmentRecord>();
  const add = (key: string, record: DepartmentRecord): void => {
    const existing = lexicon.get(key);
    // A duplicate key would make resolution depend on list order; fail loudly at load instead.
    if (existing && existing !== record) {
      throw new Error(`Department registry: "${key}" names both ${existing.name} and ${record.name}`);
    }
    lexicon.set(key, record);
  };
  for (const record of records) {
    add(record.name, record);
    for (const alias of record.aliases) add(alias, record);
    if (record.kind === 'ministry') add(FULL_PREFIX + record.name, record);
  }
  return lexicon;
}

const LEXICON = buildLexicon(DEPARTMENTS);

const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;
const EDGE_PUNCTUATION = /^[、，,；;。.：:]+|[、，,；;。.：:]+$/g;
/**
 * Anything compactDepartmentName would rewrite, as char-code tables: whitespace (\s, U+200B) or an ASCII bracket
 * anywhere (COMPACT_ANYWHERE), edge punctuation 、，,；;。.：: first or last (COMPACT_EDGE). A regex with an
 * end-anchored alternative would try every position of every name.
 */
const COMPACT_ANYWHERE = 1;
const COMPACT_EDGE = 2;
const COMPACT_CHARS = new Uint8Array(0x10000);
for (const ch of '\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff\u200b()') {
  COMPACT_CHARS[ch.charCodeAt(0)] = COMPACT_ANYWHERE;
}
for (let c = 0x2000; c <= 0x200a; c++) COMPACT_CHARS[c] = COMPACT_ANYWHERE;
for (const ch of '、，,；;。.：:') COMPACT_CHARS[ch.charCodeAt(0)] = COMPACT_EDGE;

function needsCompacting(raw: string): boolean {
  const n = raw.length;
  if (n === 0) return false;
  if ((COMPACT_CHARS[raw.charCodeAt(0)] ?? 0) & COMPACT_EDGE) return true;
  if ((COMPACT_CHARS[raw.charCodeAt(n - 1)] ?? 0) & COMPACT_EDGE) return true;
  for (let i = 0; i < n; i++) if ((COMPACT_CHARS[raw.charCodeAt(i)] ?? 0) & COMPACT_ANYWHERE) return true;
  return false;
}
/** 等 / 等部门 / 等有关部门 / 等州级有关部门 … closing an open list; removed from the last name. */
const OPEN_LIST_SUFFIX = /等(?:[省市州县区盟旗][级直])?(?:有关|相关|其他)?(?:部门|单位|方面)?(?:以及)?$/;
const PLAUSIBLE_SUFFIX =
  /(?:部|委|委员会|局|总局|办|办公室|署|银行|院|会|厅|人民政府|政府|部门|单位|集团|公司|中心|小组|总队|支队|大队|司|管委会|属企业|属国有企业|县级市|分行|支行|分局|办事处|处|站|所|海关|(?<![控参持入配分扩转送先])股)$/;
/**
 * A local unit as local documents write it: a 省/市/县/区 prefix (or a named place, or 团市委) and a unit word.
 * Such names are accepted in bare lists like registry names, kept as written, and flagged unknown unless the
 * deployment directory (jurisdiction.ts) knows them; they are never matched to a national ministry.
 */
const LOCAL_UNIT =
  /^(?:(?:省|市|县|区|州|盟|旗|自治区|自治州|[\u4e00-\u9fff]{2,6}(?:省|市|县|区))(?:委|政府|人民政府)?[\u4e00-\u9fff]{0,14}(?:局|委|厅|办|办公室|督查室|委员会|中心|院|会|政府|人民政府|管委会|总队|支队|大队|分局|监管局|公司|集团|部|分行|支行|社|站|所|馆|台)|团(?:省|市|县|区)委|(?:省|市|县|区)(?:委|政府|人民政府|法院|检察院|总工会|妇联|科协|残联|工商联|文联|侨联|红十字会))$/u;
const PLAUSIBLE_SHAPE = /^[\u4e00-\u9fff〔〕（）、]{2,40}$/u;
/** Words that start prose, not a unit name (由省级人民政府负责…, 在各地区…); 应急管理局 written bare is a unit. */
const PROSE_START = /^(?:由|在|对|按|经|向|为|以|从|将|把|和|与|及|或|并|请|要|应(?!急)|可|其|该|本|各类|凡)/;
/**
 * 应 of 应急管理局 / 供应链 / 响应 is part of a unit's name, not the modal verb; 由 (never 自由 / 理由) opens a
 * designation inside a phrase (`技工院校内由人力资源社会保障行政部门负责`), no unit is named across it.
 */
const PROSE_INSIDE =
  /(?:的|是|要|将|(?<![自理缘事])由|(?<![供适响对反相效])应(?![急用])|可以|进行|开展|加强|推进|支持|鼓励|负责|牵头|参与|参加|配合|落实|贯彻|责成)/;

/** Removes whitespace and edge punctuation; normalises ASCII brackets. Keeps 〔区、市〕-style qualifiers. */
export function compactDepartmentName(raw: string): string {
  // Most names are clean already: one test instead of four replaces (this runs for every name of every bracket).
  if (!needsCompacting(raw)) return raw;
  return raw.replace(WHITESPACE, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(EDGE_PUNCTUATION, '');
}

/**
 * A name as written, cleaned for display and lookup: whitespace removed, ASCII brackets made
 * full-width, a trailing 等 / 等部门 / 等有关部门 / 等相关部门 removed. Bracketed qualifiers
 * (各省〔区、市〕人民政府, 工业和信息化部（信管局）) are kept; see {@link splitSubUnit}.
 */
export function normalizeDepartmentName(raw: string): string {
  return stripOpenListSuffix(compactDepartmentName(raw)).name;
}

/** Removes a closing 等… suffix and says whether there was one. */
export function stripOpenListSuffix(name: string): { name: string; openList: boolean } {
  const match = OPEN_LIST_SUFFIX.exec(name);
  if (!match || match.index === 0) return { name, openList: false };
  return { name: name.slice(0, match.index), openList: true };
}

const PLACE_QUALIFIER =
  /^(?:[^、，]{0,6}(?:区|市|县|镇|乡|街道|新区|开发区))(?:、[^、，]{0,6}(?:区|市|县|镇|乡|街道|新区|开发区))*$/u;

export interface SubUnitSplit {
  /** The unit the registry knows (工业和信息化部). */
  unit: string;
  /** Bureaus/divisions named in the trailing bracket (信管局), in order; empty when there is none. */
  subUnits: string[];
}

/**
 * Splits a trailing bureau qualifier: `工业和信息化部（信管局）` → 工业和信息化部 + [信管局],
 * `应急管理部（国家矿山安监局、科信司）` → 应急管理部 + [国家矿山安监局, 科信司]. Only a trailing
 * full-width （…） after a known or plausible unit counts; `各省（区、市）人民政府` and
 * `各省〔区、市〕人民政府` are names, not qualifiers, and stay whole.
 */
export function splitSubUnit(name: string): SubUnitSplit {
  const compact = compactDepartmentName(name);
  // 〔〕 stands in for （） inside a bracket: `（省发展改革委〔省能源局〕牵头）`.
  const close = compact.endsWith('）') ? '）' : compact.endsWith('〕') ? '〕' : null;
  if (close === null || LEXICON.has(compact)) return { unit: compact, subUnits: [] };
  const open = compact.indexOf(close === '）' ? '（' : '〔');
  if (open <= 0 || compact.indexOf(close) !== compact.length - 1) return { unit: compact, subUnits: [] };
  const unit = compact.slice(0, open);
  if (!LEXICON.has(unit) && !isPlausibleDepartmentName(unit)) return { unit: compact, subUnits: [] };
  // 各街办（新区）, 市公安局（各分局）: a group or a place in the bracket is part of the name, not a bureau.
  if (unit.startsWith('各') || PLACE_QUALIFIER.test(compact.slice(open + 1, -1)))
    return { unit: compact, subUnits: [] };
  const subUnits = compact
    .slice(open + 1, -1)
    .split(/[、，]/)
    .filter((part) => part.length > 0);
  return { unit, subUnits };
}

/** The registry record for a name as written (aliases, plates, predecessors, bureau qualifiers). */
export function findDepartment(written: string): DepartmentRecord | undefined {
  // Most lookups are clean names; skip the normalisation regexes for them.
  const direct = LEXICON.get(written);
  if (direct) return direct;
  const name = normalizeDepartmentName(written);
  return LEXICON.get(name) ?? LEXICON.get(splitSubUnit(name).unit);
}

/** True when the registry knows the name (after whitespace/等 cleaning and bureau splitting). */
export function isKnownDepartmentName(written: string): boolean {
  return findDepartment(written) !== undefined;
}

/** The kind of a known department, or null. */
export function departmentKind(written: string): DepartmentKind | null {
  return findDepartment(written)?.kind ?? null;
}

/**
 * Shape check for names the registry does not know: a short CJK phrase ending in a unit word
 * (…部/…委/…局/…办/…署/…人民政府/…部门 …) that does not read as prose. It lets keyword
 * annotations keep and flag an unknown unit; bare lists without a verb require the lexicon.
 */
export function isPlausibleDepartmentName(name: string): boolean {
  return (
    PLAUSIBLE_SHAPE.test(name) &&
    PLAUSIBLE_SUFFIX.test(name) &&
    !PROSE_START.test(name) &&
    !PROSE_INSIDE.test(name) &&
    name.length <= 24
  );
}

/** True for a name shaped like a local unit (省教育厅, 市商务局, 团市委, 杭州市发展和改革委员会, 县政府). */
export function isLocalUnitName(name: string): boolean {
  // Cheap screen first (this runs for every item of every bracket): a unit word ends the name.
  if (name.length < 2 || name.length > 24 || !LOCAL_UNIT_END.includes(name.charAt(name.length - 1)))
    return false;
  return LOCAL_UNIT.test(name) && !PROSE_INSIDE.test(name.replace(/委员会$/u, ''));
}

/** A town, township or street by its name (`锦城街道`, `昌化镇`), never a word ending in one (城镇, 乡镇, 特色小镇, 各镇). */
const NAMED_TOWN =
  /^(?![各全本该每])(?:[\u4e00-\u9fff]{2,4}街道|[\u4e00-\u9fff]{2,5}(?<![城乡村小集市县区])[镇乡])$/u;

/**
 * The roads of a city or of a kind, written before 街道 (`加强城市街道保洁`, `主要街道`, `背街街道`, `一条街道`): the streets
 * themselves, never a street office by its name (锦城街道, 长安路街道). Words naming street offices by where they lie or
 * whose they are (属地街道, 沿线街道, 所属街道, 八个街道) are collectives of bodies and stay.
 */
const STREET_WORD_BEFORE =
  /(?:城市|市区|县城|城镇|城乡|乡村|农村|主要|重点|老旧|商业|沿街|背街|两侧|道路|条)街道$/u;

/** True for a town, township or street named as a party (`城关镇负责…`, `锦城街道`). */
export function isNamedTownName(name: string): boolean {
  return NAMED_TOWN.test(name) && !(name.endsWith('街道') && STREET_WORD_BEFORE.test(name));
}

/**
 * The townships of a kind of area written as a party of their own (`山区乡镇要加强水库防守`, `沿江乡镇`, `库区乡镇`): a share
 * of the township level a flood or fire notice gives its own duty; never a word ending in 乡镇 (城乡镇).
 */
const ZHEN_CODE = '镇'.charCodeAt(0);
const JIE_CODE = '街'.charCodeAt(0);
const AREA_TOWNSHIPS = /^各?(?:[\u4e00-\u9fff]{1,3}区|沿[江河湖海线路边岸])(?:乡镇|镇街|街镇)$/u;

/** True for the townships of a kind of area (`山区乡镇`, `沿河乡镇`). */
export function isAreaTownships(name: string): boolean {
  // Asked of every party name: the name ends on 镇 or 街 (乡镇, 镇街, 街镇) before the regex runs.
  const last = name.charCodeAt(name.length - 1);
  if (last !== ZHEN_CODE && last !== JIE_CODE) return false;
  return AREA_TOWNSHIPS.test(name) && !/^各?(?:城|市|县|全|本|该|辖)区/u.test(name);
}

/**
 * `农业部门要切实做好…`, `水利部门`: a sector's department by its sector; never a share of departments (`部分部门`) or
 * a class named by its role or scope elsewhere.
 */
const SECTOR_DEPARTMENT =
  /^(?!部分|个别|多个|少数|一些|有的|不同|其他|上级|下级|同级|各|有关|相关|同时|此外|另外|并|还|也|要|对|由)[\u4e00-\u9fff]{2,6}部门$/u;

/** True for a sector's department named by its sector (农业部门, 市场监管部门). */
export function isSectorDepartmentName(name: string): boolean {
  return SECTOR_DEPARTMENT.test(name) && isPlausibleDepartmentName(name);
}

/** Last characters LOCAL_UNIT accepts. */
const LOCAL_UNIT_END = '局委厅办室会院府心队司部行团联协社站所馆台';

/** Resolves a name as written (spaces already removed) to its canonical department. */
export function resolveDepartment(written: string): DepartmentResolution {
  const record = findDepartment(written);
  if (!record) return { written, canonical: null, known: false };
  return { written, canonical: record.successors?.[0] ?? record.name, known: true };
}

let prefixes: Set<string> | null = null;

/** Every beginning (two characters or more) of a name the registry knows; built on first use (only tables need it). */
function namePrefixes(): Set<string> {
  if (!prefixes) {
    const set = new Set<string>();
    for (const key of LEXICON.keys()) for (let n = 2; n <= key.length; n++) set.add(key.slice(0, n));
    prefixes = set;
  }
  return prefixes;
}

/**
 * True when `text` (at least two characters) is the beginning of a name the registry knows: a department cell
 * wrapped mid-name (工业和信息 / 化部) is recognisable on its first line, while letter-spaced prose is not.
 */
export function isDepartmentNamePrefix(text: string): boolean {
  if (text.length < 2) return false;
  return namePrefixes().has(text);
}

let longestKey = 0;

/**
 * True when `text` begins with a name the registry knows as written (工业和信息化部（信发司）, 国资委（规划).
 * Table parsers call this for every cell fragment, so it looks names up directly, without normalisation.
 */
const firstPairs = new Set<string>();

export function startsWithDepartmentName(text: string): boolean {
  if (longestKey === 0) {
    for (const key of LEXICON.keys()) {
      longestKey = Math.max(longestKey, key.length);
      firstPairs.add(key.slice(0, 2));
    }
  }
  // Most fragments share no first two characters with any name: one lookup instead of one per length.
  if (!firstPairs.has(text.slice(0, 2))) return false;
  // Growing the beginning stops as soon as no registry name starts with it.
  const known = namePrefixes();
  for (let n = 2, max = Math.min(text.length, longestKey); n <= max; n++) {
    const head = text.slice(0, n);
    if (LEXICON.has(head)) return true;
    if (!known.has(head)) return false;
  }
  return false;
}
