/**
 * Hand-labelled gold fixtures for the extractor (one JSON file per annotated document, labelled by
 * reading the corpus, never from extractor output) and the normalisation both sides are compared under.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const GOLD_DIR = resolve(__dirname);
export const REPO_ROOT = resolve(__dirname, '../../../..');

export type GoldDeadlineKind = 'date' | 'ongoing' | 'recurring';
export type GoldPeriod = 'year' | 'half-year' | 'quarter' | 'month';
export type GoldLevel = 'national' | 'provincial' | 'municipal' | 'county';

export interface GoldMilestone {
  date: string;
  text: string;
}
export type GoldOrigin = 'inline' | 'table' | 'field';

export interface GoldMeasure {
  anchor: string;
  line: number;
  lead: string[];
  participants: string[];
  joint: boolean;
  deadline: string | null;
  deadlineKind: GoldDeadlineKind | null;
  /** Only set for table rows and field blocks, whose wording may repeat body text. */
  origin?: GoldOrigin;
  /** Earlier dated steps before the completion deadline (issue 10); absent means none. */
  milestones?: GoldMilestone[];
  /** Only for deadlineKind recurring. */
  period?: GoldPeriod;
  note?: string;
}

export interface GoldDocument {
  /** File name of the gold fixture, e.g. `000-01.json`. */
  id: string;
  file: string;
  docNumber: string;
  title: string;
  measureCount: number;
  /** External sets: national / provincial / municipal / county; corpus documents are national. */
  level: GoldLevel;
  /** Only for documents without any responsibility (measureCount 0): where the document starts. */
  startLine?: number;
  measures: GoldMeasure[];
}

/** Whitespace removed; ASCII `(),:;` mapped to their full-width forms, as both sides are compared. */
export function normaliseText(text: string): string {
  return text
    .replace(/\s+/gu, '')
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/,/gu, '，')
    .replace(/:/gu, '：')
    .replace(/;/gu, '；');
}

/** Department names compare as written, minus stray whitespace from wrapped lines. */
export function normaliseName(name: string): string {
  // Real documents print ASCII or angle brackets (各县(市、区)人民政府, 各县<市、区>人民政府); the extractor writes （）.
  return name.replace(/\s+/gu, '').replace(/[(<〈＜]/gu, '（').replace(/[)>〉＞]/gu, '）');
}

function fail(id: string, what: string): never {
  throw new Error(`gold ${id}: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(id: string, value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every((v): v is string => typeof v === 'string')) {
    fail(id, `${what} must be a string array`);
  }
  return value;
}

function parseMeasure(id: string, value: unknown, index: number): GoldMeasure {
  const at = `measure #${index + 1}`;
  if (!isRecord(value)) fail(id, `${at} is not an object`);
  const { anchor, line, joint, deadline, deadlineKind, origin, note, milestones, period } = value;
  if (typeof anchor !== 'string' || anchor.length === 0) fail(id, `${at}: anchor missing`);
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) fail(id, `${at}: bad line`);
  if (typeof joint !== 'boolean') fail(id, `${at}: joint must be boolean`);
  if (deadline !== null && (typeof deadline !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(deadline))) {
    fail(id, `${at}: deadline must be an ISO date or null`);
  }
  if (deadlineKind !== null && deadlineKind !== 'date' && deadlineKind !== 'ongoing' && deadlineKind !== 'recurring') {
    fail(id, `${at}: bad deadlineKind`);
  }
  if (period !== undefined && period !== 'year' && period !== 'half-year' && period !== 'quarter' && period !== 'month') {
    fail(id, `${at}: bad period`);
  }
  if (period !== undefined && deadlineKind !== 'recurring' && deadlineKind !== 'date') fail(id, `${at}: period without recurring`);
  const parsedMilestones = milestones === undefined ? undefined : parseMilestones(id, at, milestones);
  if (origin !== undefined && origin !== 'inline' && origin !== 'table' && origin !== 'field') {
    fail(id, `${at}: bad origin`);
  }
  if (note !== undefined && typeof note !== 'string') fail(id, `${at}: note must be a string`);
  return {
    anchor,
    line,
    lead: stringList(id, value['lead'], `${at}.lead`),
    participants: stringList(id, value['participants'], `${at}.participants`),
    joint,
    deadline,
    deadlineKind,
    ...(origin === undefined ? {} : { origin }),
    ...(parsedMilestones === undefined ? {} : { milestones: parsedMilestones }),
    ...(period === undefined ? {} : { period }),
    ...(note === undefined ? {} : { note }),
  };
}

function parseMilestones(id: string, at: string, value: unknown): GoldMilestone[] {
  if (!Array.isArray(value)) fail(id, `${at}: milestones must be an array`);
  return value.map((m, i) => {
    if (!isRecord(m)) fail(id, `${at}: milestone #${i + 1} is not an object`);
    const { date, text } = m;
    if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(date)) fail(id, `${at}: milestone #${i + 1} date`);
    if (typeof text !== 'string') fail(id, `${at}: milestone #${i + 1} text`);
    return { date, text };
  });
}

export function parseGoldDocument(id: string, raw: unknown): GoldDocument {
  if (!isRecord(raw)) fail(id, 'not an object');
  const { file, docNumber, title, measureCount, startLine, measures, level } = raw;
  if (level !== undefined && level !== 'national' && level !== 'provincial' && level !== 'municipal' && level !== 'county') {
    fail(id, 'bad level');
  }
  if (typeof file !== 'string') fail(id, 'file missing');
  if (typeof docNumber !== 'string') fail(id, 'docNumber missing');
  if (typeof title !== 'string') fail(id, 'title missing');
  if (typeof measureCount !== 'number') fail(id, 'measureCount missing');
  if (!Array.isArray(measures)) fail(id, 'measures missing');
  if (startLine !== undefined && (typeof startLine !== 'number' || !Number.isInteger(startLine))) {
    fail(id, 'startLine must be an integer');
  }
  return {
    id,
    file,
    docNumber,
    title,
    measureCount,
    level: level ?? 'national',
    ...(startLine === undefined ? {} : { startLine }),
    measures: measures.map((m, i) => parseMeasure(id, m, i)),
  };
}

/** Real documents from outside the corpus: every subdirectory is one labelled set (dev, heldout, heldout2 …). */
export const EXTERNAL_DIR = resolve(__dirname, '../external');

/** The corpus fixtures, then each external set by directory name; an absent external folder gives none. */
export type GoldSetName = 'corpus' | (string & {});

/** The external sets present on disk, sorted by name. */
export function externalSets(): string[] {
  if (!existsSync(EXTERNAL_DIR)) return [];
  return readdirSync(EXTERNAL_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function setDirectory(set: GoldSetName): string {
  return set === 'corpus' ? GOLD_DIR : join(EXTERNAL_DIR, set);
}

/** The gold documents of one set (the corpus fixtures by default); an absent folder is an empty set. */
export function loadGoldDocuments(set: GoldSetName = 'corpus'): GoldDocument[] {
  const dir = setDirectory(set);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw: unknown = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      return parseGoldDocument(name, raw);
    });
}
