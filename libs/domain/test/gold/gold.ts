/**
 * Hand-labelled gold fixtures for the extractor (one JSON file per annotated document, labelled by
 * reading the corpus, never from extractor output) and the normalisation both sides are compared under.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const GOLD_DIR = resolve(__dirname);
export const REPO_ROOT = resolve(__dirname, '../../../..');

export type GoldDeadlineKind = 'date' | 'ongoing';
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
  note?: string;
}

export interface GoldDocument {
  /** File name of the gold fixture, e.g. `000-01.json`. */
  id: string;
  file: string;
  docNumber: string;
  title: string;
  measureCount: number;
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
  return name.replace(/\s+/gu, '');
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
  const { anchor, line, joint, deadline, deadlineKind, origin, note } = value;
  if (typeof anchor !== 'string' || anchor.length === 0) fail(id, `${at}: anchor missing`);
  if (typeof line !== 'number' || !Number.isInteger(line) || line < 1) fail(id, `${at}: bad line`);
  if (typeof joint !== 'boolean') fail(id, `${at}: joint must be boolean`);
  if (deadline !== null && (typeof deadline !== 'string' || !/^\d{4}-\d{2}-\d{2}$/u.test(deadline))) {
    fail(id, `${at}: deadline must be an ISO date or null`);
  }
  if (deadlineKind !== null && deadlineKind !== 'date' && deadlineKind !== 'ongoing') {
    fail(id, `${at}: bad deadlineKind`);
  }
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
    ...(note === undefined ? {} : { note }),
  };
}

export function parseGoldDocument(id: string, raw: unknown): GoldDocument {
  if (!isRecord(raw)) fail(id, 'not an object');
  const { file, docNumber, title, measureCount, startLine, measures } = raw;
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
    ...(startLine === undefined ? {} : { startLine }),
    measures: measures.map((m, i) => parseMeasure(id, m, i)),
  };
}

export function loadGoldDocuments(): GoldDocument[] {
  return readdirSync(GOLD_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const raw: unknown = JSON.parse(readFileSync(join(GOLD_DIR, name), 'utf8'));
      return parseGoldDocument(name, raw);
    });
}
