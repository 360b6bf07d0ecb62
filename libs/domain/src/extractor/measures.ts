import { FIRST_IS_LEAD } from './annotation';
import type { AnnotationOptions } from './annotation';
import { jurisdictionOfIssuer } from '../departments/jurisdiction';
import { matchHeading as matchHeadingImported } from './headings';
import { extractInline, joinBrokenLines, joinParagraphs } from './inline';
import type { BodyLine } from './inline';
import { unitParagraphs } from './inline-units';
import { extractNoticeItems } from './notice';
import { signatureDate } from './doc-markers';
import { applyNoticeDeadlineToAnnex } from './notice-annex';
import { coveringLines } from './notice-cover';
import { extractProseDuties, isHeadingOnly, proseDuty } from './prose';
import { pronounResolver } from './prose-pronouns';
import { detectLayouts } from './layouts';
import type { MeasureContext } from './make-measure';
import type { ExtractorParsers } from './parsers';
import { DOCUMENT_WIDE_RULE, EXCEPT_NOTED_RULE, startsWithRoleLabel } from './roles';
import type { DocumentSpan } from './segment';
import { CHAR_CHU, CHAR_JUN, mayContain } from './text';
import type { PreparedText } from './text';
import { LIMITS as LIMITSImported } from './thresholds';
import type { ExtractedMeasure } from './types';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const LIMITS = LIMITSImported;

// Local copies of the text.ts imports in the per-line class test: under tsx every use of an import is a getter
// call.
const lineMayContain = mayContain;
const JUN_CLASS = CHAR_JUN;
const CHU_CLASS = CHAR_CHU;

/**
 * Measures of one document. The layout handlers (layouts.ts: 分工表, work plans, grid tables, labelled-field
 * blocks) detect and claim their regions; the inline handler reads the remaining lines; then the document-wide
 * rules (以下各项措施均需…落实，不再一一列出) add their parties.
 */

const DECLARES_CONVENTION = new RegExp(FIRST_IS_LEAD.source, 'u');

/** `附件`, `附件2`, `附件：1.…清单`: an attachment below the body. */
const ATTACHMENT_LINE = /^附件\d{0,2}(?:[：:]|$)/u;

/** A supervising office's own notice: `…人民政府督查通知单`, `督察通报第十七期`, `四铁西政督字〔2019〕7号`. */
const ISSUED_BY_SUPERVISOR = /督查|督察|督字/u;

interface DocumentRule {
  line: number;
  /** The rule as written: the measure whose annotation states it is covered too. */
  text: string;
  /** Only the measures below the rule's line (`除特别注明的外，…都是配合单位`). */
  below?: boolean;
  parties: string[];
}

export function extractMeasures(
  prepared: PreparedText,
  span: DocumentSpan,
  parsers: ExtractorParsers,
  documentYear: number | null,
): ExtractedMeasure[] {
  const ctx: MeasureContext = {
    parsers,
    documentYear,
    measures: [],
    keys: new Set(),
    speaker: pronounResolver(span.title, span.issuer),
  };
  const layouts = detectLayouts(prepared, span);
  const local = isLocalDocument(span) || hasLocalAddressee(prepared, span);
  const options: AnnotationOptions = { firstIsLead: false, localDocument: local };
  // A convention stated in running text near the start (…排在首位的为牵头单位，下同) holds like one in a bracket.
  for (let i = span.bodyStart; i <= Math.min(span.end, span.bodyStart + LIMITS.conventionWindowLines); i++) {
    const text = prepared.lines[i]?.text ?? '';
    if (text.includes('牵头') && DECLARES_CONVENTION.test(text)) options.firstIsLead = true;
  }
  const { lines: inline, unread, units } = extractInline(ctx, prepared, span, layouts.claimed, options);
  // Sentence readers see a paragraph a stored page broke inside a word (`…由办` / `公室负责…`) as one line.
  const lines = prepared.wrapped ? inline : joinBrokenLines(inline);
  layouts.extract(ctx, options);
  // Dates alone in brackets (`（一）创园动员发动阶段（2009年12月）。`, a plan's stage windows) name nobody and set no
  // completion: a document whose every annotation is such a window is read as prose, as one without any annotation.
  // (Dated items whose bracket sets a completion, `（2021年12月底前完成）` under a rule naming their holders elsewhere,
  // 001-034, keep theirs.)
  if (ctx.measures.length > 0 && ctx.measures.every(isStageWindow)) {
    ctx.measures.length = 0;
    ctx.keys.clear();
  }
  const annotated = ctx.measures.length > 0;
  // Infinity when nothing is annotated: then the notice reader sees every line.
  const firstAnnotated = Math.min(...ctx.measures.map((m) => m.line));
  if (local) {
    // The notice before a local breakdown gives duties in plain sentences (各牵头单位要…); only there.
    extractNoticeItems(
      ctx,
      lines.filter((l) => l.no < firstAnnotated),
      {
        bySupervisor: ISSUED_BY_SUPERVISOR.test(`${span.title}${span.docNumber ?? ''}`),
        byOffice: /办公(?:室|厅)$/u.test(span.issuer ?? ''),
      },
    );
    applyNoticeDeadlineToAnnex(ctx.measures, lines);
  }
  // Nothing annotated anywhere: the duties are given in sentences (各省（区、市）人民政府要…, 请财政部…); in a local
  // notice, the paragraphs its notice items did not read (`各区、各部门主要负责人作为…第一责任人，要…`).
  if (!annotated) {
    const read = new Set(ctx.measures.map((m) => m.line));
    // Hard-wrapped: the paragraphs of the unit tree, which broke them at the same boundaries (no second join).
    const paragraphs = prepared.wrapped ? unitParagraphs(units, inline) : joinParagraphs(lines, prepared);
    extractProseDuties(
      ctx,
      // A sub-item cut from a line the notice reader read (`…要高度重视并要求：1.…2.…`) is read unless it gave a measure.
      paragraphs.filter((p) => !read.has(p.no) || ((p.part ?? 0) > 0 && !readPiece(ctx.measures, p))),
    );
  }
  // An annotated document closing on a section of its own (`五、组织实施`, `四、保障措施`) gives that section's
  // duties in sentences: read as prose from its heading on, after the document-wide rules (which cover the
  // annotated measures, `以下各项措施均需…落实`, not the closing section).
  // A prose document has no closing section of its own: its paragraphs are read already (a bracket inside its
  // last paragraph, `牵头单位（列第一位者为牵头单位）要…`, does not split it).
  // Only the document-wide rules run before the items between annotated ones: they change parties, add no measure.
  const last = annotated ? lastMeasure(ctx.measures) : null;
  const closing = last ? closingParagraphs(lines, last, prepared) : [];
  const rules: DocumentRule[] = [];
  for (const l of lines) {
    const noted =
      lineMayContain(l, CHU_CLASS) && l.text.includes('除') ? EXCEPT_NOTED_RULE.exec(l.text) : null;
    const parties = noted
      ? parsers.parseBracketAnnotation(`${noted[1] ?? ''}负责`, { firstIsLead: false })
      : null;
    if (noted && parties)
      rules.push({ line: l.no, text: '', below: true, parties: [...parties.lead, ...parties.participants] });
    if (!lineMayContain(l, JUN_CLASS) || !l.text.includes('均')) continue;
    const rule = DOCUMENT_WIDE_RULE.exec(l.text);
    const parsed = rule
      ? parsers.parseBracketAnnotation(`${rule[1] ?? ''}负责`, { firstIsLead: false })
      : null;
    if (parsed && rule)
      rules.push({ line: l.no, text: rule[0], parties: [...parsed.lead, ...parsed.participants] });
  }
  for (const rule of rules) applyDocumentRule(ctx, rule);
  // Numbered items between annotated ones that gave no measure (`（二）…。市安委会各成员单位按照职责分工，组织开展…`,
  // `（四）…。由A、B负责，每季度开展…`): their duties are given in sentences. Read after the document-wide rules, which
  // state the parties of the annotated measures. Items above the first annotated measure are the notice's, items
  // in the closing section the closing reader's.
  if (last && unread.length > 0) {
    // Numbered items below the last annotated one and above the closing section (`（三）强化要素保障。各县（市、区）
    // 要…` after annotated （一）（二）) are read the same way.
    // The signature or an attachment below the last annotated item ends the document's own items (`附件` then
    // `（三）县住建局：张三，电话…`, a contact list, is no duty).
    const ending = lines.find(
      (l) => l.no > last.line && (signatureDate(l.text) !== null || ATTACHMENT_LINE.test(l.text)),
    );
    const below = Math.min(closing.length > 0 ? (closing[0]?.no ?? 0) : Infinity, ending?.no ?? Infinity);
    const lastLine = Math.max(last.line, below);
    const between = (no: number) => no > firstAnnotated && no < lastLine;
    const gap = new Set(unread.filter((nos) => between(nos[0] ?? 0)).flat());
    if (gap.size > 0) {
      const before = ctx.measures.length;
      extractProseDuties(
        ctx,
        joinParagraphs(
          lines.filter((l) => gap.has(l.no)),
          prepared,
        ),
      );
      // In document order among the annotated measures, as the preview lists them.
      for (const m of ctx.measures.splice(before)) {
        const at = ctx.measures.findIndex((o) => o.line > m.line);
        ctx.measures.splice(at === -1 ? ctx.measures.length : at, 0, m);
      }
    }
  }
  if (closing.length > 0) extractProseDuties(ctx, closing);
  // A notice whose measures all come from its attachment: its covering paragraphs are read as prose.
  const cover = closing.length === 0 ? coveringLines(lines, ctx.measures) : [];
  if (cover.length > 0) extractProseDuties(ctx, joinParagraphs(cover, prepared));
  return ctx.measures;
}

/**
 * The paragraphs of the closing section: from the first top-level heading alone on its line (`三、实施步骤`) below the
 * last annotated measure. Without such a heading, the unnumbered paragraphs after that measure's own paragraph
 * (`三十、…。（国务院办公厅负责）` then `各有关部门要认真组织实施…`), up to the signature, when nothing without a duty
 * follows its last annotation; otherwise the lines below are that measure's text or notes. Read as paragraphs, so a
 * re-wrapped copy agrees.
 */
function closingParagraphs(
  lines: readonly BodyLine[],
  last: ExtractedMeasure,
  prepared: PreparedText,
): readonly BodyLine[] {
  const start = lines.findIndex((l) => {
    if (l.no <= last.line) return false;
    const h = matchHeading(l.text);
    return h !== null && (h.type === 'cn' || h.type === 'part') && isHeadingOnly(h.rest);
  });
  if (start !== -1) return joinParagraphs(lines.slice(start), prepared);
  const from = lines.findIndex((l) => l.no === last.line);
  const bracket = from === -1 ? null : lastAnnotation(last.text);
  if (!bracket) return [];
  // Lines read into the measure (its role-label lines 责任单位：…, a paragraph carrying an annotation) belong to it.
  const tail = joinParagraphs(lines.slice(from), prepared)
    .slice(1)
    .filter((l) => !startsWithRoleLabel(l.text) && lastAnnotation(l.text) === null);
  if (tail.some((l) => matchHeading(l.text) !== null)) return [];
  // A closing paragraph run on after the annotation in the measure's own paragraph (a re-wrapped copy whose
  // paragraph break was lost) is read the same as one on its own; text after the annotation that gives no duty
  // means the item goes on below it.
  const rest = last.text.slice(bracket).replace(/^[。；\s]+/u, '');
  // A paragraph of its own below the annotation (the item's text runs on to it) is in the tail: not read twice.
  if (rest === '' || tail.some((l) => rest.startsWith(l.text))) return tail;
  return proseDuty(rest) ? [{ no: last.line, text: rest, pageStart: false }, ...tail] : [];
}

/**
 * Where the measure's last responsibility bracket ends (`…（农业农村部、财政部负责）`), or null. A bracket that only
 * declares the lead convention (`牵头单位（列第一位者为工作牵头单位）要…`) assigns nothing.
 */
function lastAnnotation(text: string): number | null {
  let end: number | null = null;
  for (const m of text.matchAll(ANNOTATION_BRACKET)) {
    if (CONVENTION_ONLY.test(m[0])) continue;
    end = (m.index ?? 0) + m[0].length;
  }
  return end;
}

/** The measure read last in the document order (the latest line; of one line's #n children, the last). */
/** A measure naming nobody whose only annotation is a date without a completion word (a stage's month or window). */
function isStageWindow(m: ExtractedMeasure): boolean {
  return m.lead.length === 0 && m.participants.length === 0 && !COMPLETION_WORD.test(m.deadlineText ?? '');
}
const COMPLETION_WORD = /前|底|末|完成|实现|到位|建成/u;

function lastMeasure(measures: readonly ExtractedMeasure[]): ExtractedMeasure {
  let last = measures[0];
  for (const m of measures) if (m.line >= last.line) last = m;
  return last;
}

/** A bracket stating who of a list leads (`（列第一位者为工作牵头单位）`), naming no party itself. */
const CONVENTION_ONLY =
  /^[（(][^（()）]{0,6}(?:第一位|首位|第一个)[^（()）]{0,8}为[^（()）]{0,4}牵头[^（()）]{0,10}[)）]$/u;

/** A responsibility bracket: `（农业农村部、财政部负责）`, `（牵头单位：…）`. */
const ANNOTATION_BRACKET =
  /[（(][^（()）]{2,120}(?:负责|牵头|配合|参与|落实|单位|部门)[^（()）]{0,40}[)）]/gu;

/**
 * Addressed to local governments (`各乡镇人民政府，县政府各部门：`, `各区人民政府，各委、局：`): a local notice even when
 * the excerpt has lost its title and 文号. National documents open on `各省、自治区、直辖市人民政府，国务院各部委…`.
 */
const LOCAL_ADDRESSEE = /^各(?!省|部委|有关部门)[^。；]{2,60}[：:]$/u;
/** `《…分工方案》已经省政府全体会议审议通过，现印发给你们`: approved by a local government (national: 已经国务院同意). */
const LOCAL_APPROVAL = /已经(?:省|市|州|县|区)(?:人民)?政府[^。；]{0,12}(?:同意|通过)/u;
/** A news page reporting the release: `近日，渝中区人民政府办公室发布《…分解》方案` (its notice paragraphs follow). */
const LOCAL_RELEASE =
  /(?:省|市|州|县|区|旗)(?:人民)?政府(?:办公室|办公厅)?(?:近日|日前|正式)?(?:发布|印发|出台)/u;

function hasLocalAddressee(prepared: PreparedText, span: DocumentSpan): boolean {
  for (let i = span.start; i <= Math.min(span.end, span.bodyStart + 2); i++) {
    const text = prepared.lines[i]?.text ?? '';
    if (LOCAL_ADDRESSEE.test(text)) return true;
    if (span.title === '' && (LOCAL_APPROVAL.test(text) || LOCAL_RELEASE.test(text))) return true;
  }
  return false;
}

/** Issued by a province, city, county or district (杭州市人民政府办公厅, 区人民政府办公室, 蔡政办〔2023〕1号). */
function isLocalDocument(span: DocumentSpan): boolean {
  if (jurisdictionOfIssuer(span.issuer) !== null) return true;
  if (/^(?:省|市|县|区|州)/u.test(span.issuer ?? span.title)) return true;
  const no = span.docNumber ?? '';
  return (
    no !== '' &&
    !no.startsWith('国') &&
    /^[\u4e00-\u9fff]{1,3}(?:政办|政发|政字|府办|府发|府函|政函)/u.test(no)
  );
}

function applyDocumentRule(ctx: MeasureContext, rule: DocumentRule): void {
  for (const m of ctx.measures) {
    if ((m.line <= rule.line && (rule.below || !m.text.includes(rule.text))) || m.lead.length === 0) continue;
    for (const party of rule.parties) {
      // The measure that states the rule (…指导，试点城市政府负责落实。以下均需试点城市政府落实): the rule's
      // parties carry out what the others lead, as in every measure below it.
      const asLead = m.lead.indexOf(party);
      if (asLead !== -1 && m.lead.length > 1) {
        m.lead.splice(asLead, 1);
        m.leadCanonical.splice(asLead, 1);
      } else if (asLead !== -1 || m.participants.includes(party)) continue;
      const resolved = ctx.parsers.resolveDepartment(party);
      m.participants.push(party);
      m.participantsCanonical.push(resolved.canonical ?? party);
      if (!resolved.known && !m.unknownDepartments.includes(party)) m.unknownDepartments.push(party);
    }
    // Everyone named beside the added parties stays lead; the added ones participate.
    m.joint = false;
  }
}

/** A measure already read from this piece of its line (its text opens within the piece). */
function readPiece(measures: readonly ExtractedMeasure[], piece: BodyLine): boolean {
  return measures.some((m) => m.line === piece.no && piece.text.includes(m.text.slice(0, 8)));
}
