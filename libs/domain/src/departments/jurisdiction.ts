/**
 * Jurisdiction-aware department resolution (issue 10). A document's issuer fixes its jurisdiction
 * (杭州市人民政府办公厅 → 杭州市), so `市发展改革委` in it resolves to 杭州市发展和改革委员会 when the deployment's
 * directory lists that unit. Pure functions: the directory is passed in (the API loads it per deployment).
 * An unknown name is kept and flagged, never mapped to a national ministry by a loose match.
 */
import { findDepartment } from './registry';
import type { DepartmentKind } from './types';

/** One unit of a deployment's own directory (imported from Excel/CSV, edited in the app). */
export interface DirectoryEntry {
  /** Full official name: 杭州市发展和改革委员会. */
  name: string;
  /** Short names as documents write them, with or without the place: 市发展改革委, 杭州市发改委, 市发改委. */
  shortNames: string[];
  /** The place the unit belongs to: 杭州市, 浙江省, 西湖区. */
  jurisdiction: string;
  kind: DepartmentKind;
  /** Canonical name of the unit that replaced this one, when it was abolished or renamed. */
  successor: string | null;
}

export interface JurisdictionResolution {
  written: string;
  /** Canonical unit (directory full name, its successor, or the national registry's canonical name); null when unknown. */
  canonical: string | null;
  known: boolean;
  source: 'directory' | 'national' | null;
}

const LEVEL = '(?:省|自治区|市|自治州|州|盟|地区|县|自治县|旗|区|镇|乡|街道)';
/** Issuer with its office suffix: 杭州市人民政府办公厅, 浙江省人民政府, 中共杭州市委办公厅, 西湖区人民政府办公室. */
/** A place-name character: never the office words of a joint issuer (中共青山县委办公室 青山县人民政府办公室). */
const PLACE_CHAR = '(?:(?!委|办公|政府|党)[\\u4e00-\\u9fff])';
const ISSUER = new RegExp(
  `^(?:中共)?((?:${PLACE_CHAR}{2,8}?${LEVEL})(?:${PLACE_CHAR}{2,8}?${LEVEL})?)` +
    '(?:人民政府|政府|委员会|委|党委)?(?:办公厅|办公室)?',
  'u',
);
/** A county or banner named by one character (沛县, 泾县, 和县): tried when the longer shape finds no place. */
const ONE_CHARACTER_PLACE = new RegExp(
  `^(?:中共)?(${PLACE_CHAR}(?:县|旗))(?=人民政府|政府|委|党委|办公)`,
  'u',
);
const NATIONAL = /^(?:国务院|中共中央|中央|全国|国家|中华人民共和国)/u;
/** Prefix a local document uses for a unit of its own jurisdiction: 市/省/县/区 (团市委 keeps its prefix inside). */
const OWN_LEVEL_PREFIX = /^(省|市|县|区|州|旗)/u;

/**
 * The jurisdiction an issuer belongs to: 杭州市人民政府办公厅 → 杭州市, 浙江省人民政府 → 浙江省,
 * 杭州市西湖区人民政府 → 杭州市西湖区. National issuers (国务院, 工业和信息化部…) and unparseable ones → null.
 */
export function jurisdictionOfIssuer(issuer: string | null): string | null {
  if (!issuer) return null;
  const name = issuer.replace(/\s+/gu, '');
  if (NATIONAL.test(name) || findDepartment(name)?.kind === 'ministry') return null;
  const place = ISSUER.exec(name)?.[1] ?? ONE_CHARACTER_PLACE.exec(name)?.[1] ?? null;
  // A place read from the 中共 of a committee's name (中共X市委 with an unreadable X) is no place.
  if (!place || place.length < 2 || place.startsWith('中共')) return null;
  // 中共泾县县委: the place is 泾县, the second 县 opens the committee's own name (县委).
  const at = name.indexOf(place) + place.length;
  const last = place.charAt(place.length - 1);
  if (place.length > 2 && place.charAt(place.length - 2) === last && name.charAt(at) === '委')
    return place.slice(0, -1);
  return place;
}

/** The level word a jurisdiction ends in (杭州市 → 市, 浙江省 → 省, 西湖区 → 区). */
function levelOf(jurisdiction: string): string {
  const m = new RegExp(`${LEVEL}$`, 'u').exec(jurisdiction);
  return m?.[0] ?? '';
}

function normalise(name: string): string {
  return name
    .replace(/[\s\u3000]+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）');
}

export interface DirectoryIndex {
  /** `${jurisdiction}|${short or full name}` → entry; also `|${full name}` for the full name alone. */
  readonly byKey: ReadonlyMap<string, DirectoryEntry>;
  readonly byName: ReadonlyMap<string, DirectoryEntry>;
}

/** Indexes a directory once per deployment. Throws when two units claim the same short name in one jurisdiction. */
export function indexDirectory(entries: readonly DirectoryEntry[]): DirectoryIndex {
  const byKey = new Map<string, DirectoryEntry>();
  const byName = new Map<string, DirectoryEntry>();
  const add = (key: string, entry: DirectoryEntry) => {
    const existing = byKey.get(key);
    if (existing && existing !== entry)
      throw new Error(`Directory: "${key}" names both ${existing.name} and ${entry.name}`);
    byKey.set(key, entry);
  };
  for (const entry of entries) {
    const full = normalise(entry.name);
    byName.set(full, entry);
    add(`${entry.jurisdiction}|${full}`, entry);
    for (const short of entry.shortNames) {
      const s = normalise(short);
      add(`${entry.jurisdiction}|${s}`, entry);
      // 杭州市发改委 written with the place is the same unit in any document.
      if (s.startsWith(entry.jurisdiction)) byName.set(s, entry);
      else
        byName.set(
          entry.jurisdiction +
            s.replace(OWN_LEVEL_PREFIX, (p) => (p === levelOf(entry.jurisdiction) ? '' : p)),
          entry,
        );
    }
  }
  return { byKey, byName };
}

function canonicalOf(entry: DirectoryEntry, index: DirectoryIndex): string {
  let current = entry;
  const seen = new Set<string>();
  while (current.successor && !seen.has(current.name)) {
    seen.add(current.name);
    const next = index.byName.get(normalise(current.successor));
    if (!next) return current.successor;
    current = next;
  }
  return current.name;
}

/**
 * Resolves a name as written in a document of `jurisdiction`:
 * 1. the directory, within the document's jurisdiction (市发展改革委 in a 杭州市 document);
 * 2. the directory by full or place-qualified name (杭州市发展和改革委员会, 杭州市发改委) in any document;
 * 3. the national registry, exactly (国家发展改革委) — a local-prefixed name (市…, 省…) never falls through to it;
 * else unknown: kept and flagged.
 */
export function resolveInJurisdiction(
  written: string,
  jurisdiction: string | null,
  index: DirectoryIndex,
): JurisdictionResolution {
  const name = normalise(written);
  const hit = (entry: DirectoryEntry): JurisdictionResolution => ({
    written,
    canonical: canonicalOf(entry, index),
    known: true,
    source: 'directory',
  });
  if (jurisdiction) {
    const own = index.byKey.get(`${jurisdiction}|${name}`);
    if (own) return hit(own);
    // 市发展改革委 in a 杭州市 document is 杭州市发展改革委.
    const level = levelOf(jurisdiction);
    if (level && name.startsWith(level)) {
      const placed = index.byName.get(jurisdiction + name.slice(level.length));
      if (placed) return hit(placed);
    }
  }
  const anywhere = index.byName.get(name);
  if (anywhere) return hit(anywhere);
  if (!OWN_LEVEL_PREFIX.test(name) || findDepartment(name)) {
    const national = findDepartment(name);
    if (national) {
      return {
        written,
        canonical: national.successors?.[0] ?? national.name,
        known: true,
        source: 'national',
      };
    }
  }
  return { written, canonical: null, known: false, source: null };
}
