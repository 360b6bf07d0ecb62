import { jurisdictionOfIssuer, resolveInJurisdiction } from '../departments/jurisdiction';
import type { DirectoryIndex } from '../departments/jurisdiction';
import { decodeText } from './decode';
import { diagnoseDocument } from './diagnostics';
import { ExtractionError } from './errors';
import { extractMeasures } from './measures';
import { defaultParsers } from './parsers';
import type { ExtractorParsers } from './parsers';
import { segmentDocuments } from './segment';
import { prepareText } from './text';
import { restoreFile, restorer, simplifiedCopy } from './traditional-script';
import type {
  ExtractedDocument,
  ExtractedFile,
  ExtractionResult,
  ParsedResponsibility,
  TextEncodingName,
} from './types';

export interface ExtractOptions {
  /** Parser stand-ins (tests); defaults to the real annotation, deadline and department parsers. */
  parsers?: Partial<ExtractorParsers>;
  /** Documents already seen in this run (for cross-file sameAs); extractFiles passes one registry to every file. */
  seen?: SeenDocuments;
  encoding?: TextEncodingName;
  /**
   * The deployment's own directory (indexDirectory): names resolve within the document's jurisdiction first
   * (市发展改革委 in a 杭州市 document → 杭州市发展和改革委员会), then nationally by exact name; else unknown.
   */
  directory?: DirectoryIndex;
  /** Called after each document of the text is extracted (imports report progress from it). */
  onProgress?: (documentsDone: number, documentsTotal: number, measuresSoFar: number) => void;
}

export interface NamedBytes {
  name: string;
  bytes: Uint8Array;
}

const TITLE_NOISE = /[\s“”"'‘’《》「」]/g;

/** Title without its issuer prefix (…关于), quotes and spaces: copies in compilations drop or keep the issuer. */
export function coreTitle(title: string): string {
  const t = title.replace(TITLE_NOISE, '');
  const i = t.indexOf('关于');
  return i >= 0 ? t.slice(i + 2) : t;
}

/** Remembers the first copy of each document in one extraction run. */
export class SeenDocuments {
  private readonly byCore = new Map<string, { docNumber: string | null; title: string }[]>();

  /** Returns the docNumber (or title) of the first copy if this document was seen before, else records it. */
  sameAs(docNumber: string | null, title: string): string | null {
    const core = coreTitle(title);
    if (core.length < 4) return null;
    const copies = this.byCore.get(core);
    if (copies) {
      const match = copies.find(
        (c) => c.docNumber === null || docNumber === null || c.docNumber === docNumber,
      );
      if (match) return match.docNumber ?? match.title;
      copies.push({ docNumber, title });
      return null;
    }
    this.byCore.set(core, [{ docNumber, title }]);
    return null;
  }
}

function documentYear(date: string | null, docNumber: string | null): number | null {
  if (date) return Number(date.slice(0, 4));
  const m = docNumber ? /〔(\d{4})〕|(\d{4})年/.exec(docNumber) : null;
  return m ? Number(m[1] ?? m[2]) : null;
}

/** A document without date or 文号 implements the one it cites first (根据《…》（昆政发〔2016〕13号）): its year. */
function citedYear(
  prepared: ReturnType<typeof prepareText>,
  span: { bodyStart: number; end: number },
): number | null {
  for (let i = span.bodyStart, seen = 0; i <= span.end && seen < 3; i++) {
    const l = prepared.lines[i];
    if (l?.kind !== 'text') continue;
    seen++;
    const m = /〔(\d{4})〕/u.exec(l.text);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * A title naming one year (关于印发2021年区政府重点工作任务分解的通知, 关于做好2024年春季开学工作的通知) gives the year
 * of a document that states neither date nor 文号, so 3月底前 in its body is read in that year. Plan periods
 * (2021—2025年, 2016-2020年) and retrospectives (2012年以来) give none.
 */
const TITLE_YEAR = /(?<![\d—－\-~～至到])(\d{4})年(?![—－\-~～至到]|以来|以前)/gu;

function planYear(title: string): number | null {
  const years = new Set([...title.matchAll(TITLE_YEAR)].map((m) => Number(m[1])));
  if (years.size !== 1 || /\d{4}[—－\-~～至到]/u.test(title)) return null;
  return [...years][0] ?? null;
}

/**
 * The bracket parser remembering its answers for one text: a compilation repeats its documents (and their
 * annotations) several times. The parse is pure in (inner, firstIsLead, localDocument); the results are only read downstream.
 */
function rememberingBracketParser(
  parse: ExtractorParsers['parseBracketAnnotation'],
): ExtractorParsers['parseBracketAnnotation'] {
  // One map per combination of the two flags, keyed by the bracket text itself: no key string is built per call.
  const answers = Array.from({ length: 4 }, () => new Map<string, ParsedResponsibility | null>());
  return (inner, options) => {
    const flags = (options.firstIsLead ? 2 : 0) + (options.localDocument === true ? 1 : 0);
    const known = answers[flags]?.get(inner);
    if (known !== undefined) return known;
    const parsed = parse(inner, options);
    answers[flags]?.set(inner, parsed);
    return parsed;
  };
}

/** The default bracket parse, read from defaultParsers at each call: a stand-in put there (tests) is used. */
function defaultBracketParse(
  inner: string,
  o: Parameters<ExtractorParsers['parseBracketAnnotation']>[1],
): ParsedResponsibility | null {
  return defaultParsers.parseBracketAnnotation(inner, o);
}

/**
 * Extracts the documents and measures of one decoded text. A copy written in traditional characters is read
 * through its simplified mapping and its strings are given back as written (traditional-script.ts).
 */
export function extractText(text: string, fileName: string, options: ExtractOptions = {}): ExtractedFile {
  const simplified = simplifiedCopy(text);
  if (simplified === null) return extractWritten(text, fileName, options);
  return restoreFile(extractWritten(simplified, fileName, options), restorer(text, simplified));
}

function extractWritten(text: string, fileName: string, options: ExtractOptions): ExtractedFile {
  const parsers: ExtractorParsers = { ...defaultParsers, ...options.parsers };
  // Stand-ins (tests) are called as they are.
  if (options.parsers?.parseBracketAnnotation === undefined) {
    parsers.parseBracketAnnotation = rememberingBracketParser(defaultBracketParse);
  }
  const seen = options.seen ?? new SeenDocuments();
  const prepared = prepareText(text);
  const spans = segmentDocuments(prepared);
  let measuresSoFar = 0;
  options.onProgress?.(0, spans.length, 0);
  const documents: ExtractedDocument[] = spans.map((span, index) => {
    const jurisdiction = jurisdictionOfIssuer(span.issuer);
    const directory = options.directory;
    const docParsers: ExtractorParsers = directory
      ? {
          ...parsers,
          resolveDepartment: (written) => {
            const r = resolveInJurisdiction(written, jurisdiction, directory);
            return { written, canonical: r.canonical, known: r.known };
          },
        }
      : parsers;
    const year = documentYear(span.date, span.docNumber) ?? citedYear(prepared, span) ?? planYear(span.title);
    const measures = extractMeasures(prepared, span, docParsers, year);
    measuresSoFar += measures.length;
    options.onProgress?.(index + 1, spans.length, measuresSoFar);
    return {
      docNumber: span.docNumber,
      title: span.title,
      issuer: span.issuer,
      date: span.date,
      startLine: prepared.lines[span.start]?.no ?? span.start + 1,
      endLine: prepared.lines[span.end]?.no ?? span.end + 1,
      sameAs: seen.sameAs(span.docNumber, span.title),
      jurisdiction,
      measures,
      diagnostics: measures.length === 0 ? diagnoseDocument(prepared, span) : [],
    };
  });
  return { file: fileName, encoding: options.encoding ?? 'utf-8', documents };
}

/** Decodes (UTF-8, UTF-8 with BOM, GB18030) and extracts one file's bytes. Throws ExtractionError. */
export function extractBuffer(
  bytes: Uint8Array,
  fileName: string,
  options: ExtractOptions = {},
): ExtractedFile {
  const decoded = decodeText(bytes, fileName);
  return extractText(decoded.text, fileName, { ...options, encoding: decoded.encoding });
}

/**
 * Extracts several files in one run: a document seen in an earlier file gets sameAs on its later copies. One
 * remembering bracket parser serves every file of the run (the parse is pure; files of one batch share their
 * boilerplate annotations); extractText calls a given one as it is.
 */
export function extractFiles(files: readonly NamedBytes[], options: ExtractOptions = {}): ExtractionResult {
  const seen = options.seen ?? new SeenDocuments();
  const parsers =
    options.parsers?.parseBracketAnnotation === undefined
      ? { ...options.parsers, parseBracketAnnotation: rememberingBracketParser(defaultBracketParse) }
      : options.parsers;
  return { files: files.map((f) => extractBuffer(f.bytes, f.name, { ...options, parsers, seen })) };
}

export { ExtractionError };
