import { createHash } from 'node:crypto';
import type {
  ExtractedDocument,
  ExtractedFile,
  ExtractedMeasure,
  ImportCorrectionKind,
  MeasureCorrectionMark,
} from '@duban/domain';
import type { DomainError } from '../../infra/http/domain-error';
import { comparableText } from '../import-identity';
import { correctionErrors } from './corrections.errors';
import type { CorrectionPayload } from './import-correction.entity';

/** A stored correction as the applier needs it. */
export interface StoredCorrection {
  id: string;
  kind: ImportCorrectionKind;
  payload: CorrectionPayload;
}

/** A measure's stable identity: its first source line and a hash of its text (edits keep it). */
export function measureRef(line: number, text: string): string {
  return `${line}-${createHash('sha256').update(comparableText(text)).digest('hex').slice(0, 10)}`;
}

export interface CorrectedFile {
  file: ExtractedFile;
  /** Ref and mark of every measure of `file` (by object identity). */
  marks: Map<ExtractedMeasure, { ref: string; corrected: MeasureCorrectionMark | null }>;
  /** Per correction id: null when applied, else why not. */
  problems: Map<string, DomainError | null>;
}

interface Entry {
  m: ExtractedMeasure;
  ref: string;
  corrected: MeasureCorrectionMark | null;
}

/** The text of physical lines `from`–`to` (1-based, inclusive), whitespace-normalised. */
export function linesText(lines: readonly string[], from: number, to: number): string {
  return lines
    .slice(from - 1, to)
    .map((l) => l.trim())
    .join('')
    .replace(/\s+/g, '');
}

const ENUMERATOR = /^(?:[（(][一二三四五六七八九十百\d]+[）)]|[一二三四五六七八九十百]+、|\d+[.．、])\s*/u;

/** A measure's title from its text: the first clause, without its enumerator, at most 40 characters. */
export function titleFromText(text: string): string {
  const body = text.replace(ENUMERATOR, '');
  const clause = body.split(/[。；;！？]/u)[0] ?? body;
  return (clause || body).slice(0, 40);
}

/** `2099-06-30` → `2099年6月30日前`, the way a corrected deadline is written on the task. */
export function deadlineTextOf(date: string | null): string | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日前`;
}

const union = (a: readonly string[], b: readonly string[]): string[] => [...new Set([...a, ...b])];

function withDeadline(m: ExtractedMeasure, deadline: string | null): ExtractedMeasure {
  return {
    ...m,
    deadline,
    deadlineText: deadlineTextOf(deadline),
    deadlineKind: deadline ? 'date' : null,
    milestones: [],
    period: null,
  };
}

/** Last line (≤ `limit`) of the lines from `m.line` whose text belongs to the measure's text. */
function spanEnd(m: ExtractedMeasure, lines: readonly string[], limit: number): number {
  const text = comparableText(m.text);
  let end = m.line;
  for (let n = m.line + 1; n <= Math.min(limit, lines.length); n++) {
    const own = comparableText(lines[n - 1] ?? '');
    if (!own) continue;
    if (!text.includes(own)) break;
    end = n;
  }
  return end;
}

/**
 * Applies corrections in order to a file's extraction: a pure function of the extraction, the file's lines
 * (null when the preview kept no source: adding and splitting then fail) and the corrections. A correction
 * whose measure is gone is reported in `problems`, never dropped silently.
 */
export function applyCorrections(
  file: ExtractedFile,
  lines: readonly string[] | null,
  corrections: readonly StoredCorrection[],
): CorrectedFile {
  // The extractor reports measures stage by stage (layouts, inline, notice, prose); the preview lists them in
  // document order, which adding (by line) and merging (with the next one) rely on. The sort is stable.
  const docs: Entry[][] = file.documents.map((d) =>
    [...d.measures]
      .sort((a, b) => a.line - b.line)
      .map((m) => ({ m, ref: measureRef(m.line, m.text), corrected: null })),
  );
  const problems = new Map<string, DomainError | null>();
  const find = (ref: string | undefined): { doc: number; index: number } | null => {
    for (const [doc, entries] of docs.entries()) {
      const index = entries.findIndex((e) => e.ref === ref);
      if (index >= 0) return { doc, index };
    }
    return null;
  };
  for (const c of corrections) {
    problems.set(c.id, applyOne(c, file.documents, docs, lines, find));
  }
  const marks: CorrectedFile['marks'] = new Map();
  const documents: ExtractedDocument[] = file.documents.map((d, i) => {
    const entries = docs[i] ?? [];
    for (const e of entries) marks.set(e.m, { ref: e.ref, corrected: e.corrected });
    return { ...d, measures: entries.map((e) => e.m) };
  });
  return { file: { ...file, documents }, marks, problems };
}

function applyOne(
  c: StoredCorrection,
  documents: readonly ExtractedDocument[],
  docs: Entry[][],
  lines: readonly string[] | null,
  find: (ref: string | undefined) => { doc: number; index: number } | null,
): DomainError | null {
  const p = c.payload;
  if (c.kind === 'add') {
    if (!lines) return correctionErrors.noSource();
    const from = p.fromLine ?? 0;
    const to = p.toLine ?? 0;
    const doc = documents.findIndex((d) => d.startLine <= from && to <= d.endLine);
    if (doc < 0) return correctionErrors.linesOutsideDocument(from, to);
    const text = linesText(lines, from, to);
    const lead = p.lead ?? [];
    const participants = (p.participants ?? []).filter((n) => !lead.includes(n));
    const added: ExtractedMeasure = withDeadline(
      {
        key: `补充/${from}-${to}`,
        parentKey: null,
        path: [],
        line: from,
        origin: 'inline',
        title: p.title?.trim() || titleFromText(text),
        text,
        lead,
        participants,
        joint: false,
        leadCanonical: lead,
        participantsCanonical: participants,
        unknownDepartments: [],
        deadline: null,
        deadlineText: null,
        deadlineKind: null,
        checklist: [],
      },
      p.deadline ?? null,
    );
    const measure: ExtractedMeasure = { ...added, milestones: p.milestones ?? [] };
    const entries = docs[doc] ?? [];
    const at = entries.findIndex((e) => e.m.line > from);
    entries.splice(at < 0 ? entries.length : at, 0, {
      m: measure,
      ref: measureRef(from, text),
      corrected: 'added',
    });
    return null;
  }
  const hit = find(p.ref);
  if (!hit) return correctionErrors.measureMissing(p.ref ?? '');
  const entries = docs[hit.doc] ?? [];
  const entry = entries[hit.index];
  switch (c.kind) {
    case 'drop':
      entries.splice(hit.index, 1);
      return null;
    case 'edit': {
      let m = { ...entry.m };
      if (p.title !== undefined) m.title = p.title.trim();
      if (p.lead !== undefined) m = { ...m, lead: p.lead, leadCanonical: p.lead, joint: false };
      if (p.participants !== undefined) {
        m = { ...m, participants: p.participants, participantsCanonical: p.participants };
      }
      if (p.deadline !== undefined) m = withDeadline(m, p.deadline);
      if (p.milestones !== undefined) {
        const late = m.deadline ? p.milestones.find((step) => step.date > (m.deadline ?? '')) : undefined;
        if (late && m.deadline) return correctionErrors.milestoneAfterDeadline(late.date, m.deadline);
        m = { ...m, milestones: p.milestones };
      }
      entry.m = m;
      entry.corrected ??= 'edited';
      return null;
    }
    case 'merge': {
      const next = find(p.withRef);
      if (!next) return correctionErrors.measureMissing(p.withRef ?? '');
      if (next.doc !== hit.doc || next.index !== hit.index + 1) return correctionErrors.notAdjacent();
      const b = entries[next.index].m;
      const a = entry.m;
      const lead = union(a.leadCanonical, b.leadCanonical);
      const participants = union(a.participantsCanonical, b.participantsCanonical).filter(
        (n) => !lead.includes(n),
      );
      const later =
        [a.deadline, b.deadline]
          .filter((d): d is string => d !== null)
          .sort()
          .pop() ?? null;
      entry.m = {
        ...(later === a.deadline ? a : withDeadline(a, later)),
        text: a.text + b.text,
        lead,
        leadCanonical: lead,
        participants,
        participantsCanonical: participants,
      };
      entry.corrected = 'merged';
      entries.splice(next.index, 1);
      return null;
    }
    case 'split': {
      if (!lines) return correctionErrors.noSource();
      const m = entry.m;
      const following = entries[hit.index + 1]?.m.line ?? documents[hit.doc]?.endLine ?? m.line;
      const end = spanEnd(m, lines, Math.max(m.line, following - 1));
      const at = p.atLine ?? 0;
      if (at <= m.line || at > end) return correctionErrors.splitLine(at, m.line, end);
      const first = linesText(lines, m.line, at - 1);
      const second = linesText(lines, at, end);
      entry.m = { ...m, text: first };
      entry.corrected = 'split';
      entries.splice(hit.index + 1, 0, {
        m: { ...m, key: `${m.key}@${at}`, line: at, text: second, title: titleFromText(second) },
        ref: measureRef(at, second),
        corrected: 'split',
      });
      return null;
    }
    default:
      return null;
  }
}
