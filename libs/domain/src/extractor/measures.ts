import { FIRST_IS_LEAD } from './annotation';
import type { AnnotationOptions } from './annotation';
import { extractInline } from './inline';
import { detectLayouts } from './layouts';
import type { MeasureContext } from './make-measure';
import type { ExtractorParsers } from './parsers';
import { DOCUMENT_WIDE_RULE } from './roles';
import type { DocumentSpan } from './segment';
import type { PreparedText } from './text';
import { LIMITS } from './thresholds';
import type { ExtractedMeasure } from './types';

/**
 * Measures of one document. The layout handlers (layouts.ts: 分工表, work plans, grid tables, labelled-field
 * blocks) detect and claim their regions; the inline handler reads the remaining lines; then the document-wide
 * rules (以下各项措施均需…落实，不再一一列出) add their parties.
 */

const DECLARES_CONVENTION = new RegExp(FIRST_IS_LEAD.source, 'u');

interface DocumentRule {
  line: number;
  /** The rule as written: the measure whose annotation states it is covered too. */
  text: string;
  parties: string[];
}

export function extractMeasures(
  prepared: PreparedText,
  span: DocumentSpan,
  parsers: ExtractorParsers,
  documentYear: number | null,
): ExtractedMeasure[] {
  const ctx: MeasureContext = { parsers, documentYear, measures: [], keys: new Set() };
  const layouts = detectLayouts(prepared, span);
  const options: AnnotationOptions = { firstIsLead: false };
  // A convention stated in running text near the start (…排在首位的为牵头单位，下同) holds like one in a bracket.
  for (let i = span.bodyStart; i <= Math.min(span.end, span.bodyStart + LIMITS.conventionWindowLines); i++) {
    const text = prepared.lines[i]?.text ?? '';
    if (text.includes('牵头') && DECLARES_CONVENTION.test(text)) options.firstIsLead = true;
  }
  const lines = extractInline(ctx, prepared, span, layouts.claimed, options);
  layouts.extract(ctx, options);
  const rules: DocumentRule[] = [];
  for (const l of lines) {
    if (!l.text.includes('均')) continue;
    const rule = DOCUMENT_WIDE_RULE.exec(l.text);
    const parsed = rule ? parsers.parseBracketAnnotation(`${rule[1] ?? ''}负责`, { firstIsLead: false }) : null;
    if (parsed && rule) rules.push({ line: l.no, text: rule[0], parties: [...parsed.lead, ...parsed.participants] });
  }
  for (const rule of rules) applyDocumentRule(ctx, rule);
  return ctx.measures;
}

function applyDocumentRule(ctx: MeasureContext, rule: DocumentRule): void {
  for (const m of ctx.measures) {
    if ((m.line <= rule.line && !m.text.includes(rule.text)) || m.lead.length === 0) continue;
    for (const party of rule.parties) {
      if (m.lead.includes(party) || m.participants.includes(party)) continue;
      const resolved = ctx.parsers.resolveDepartment(party);
      m.participants.push(party);
      m.participantsCanonical.push(resolved.canonical ?? party);
      if (!resolved.known && !m.unknownDepartments.includes(party)) m.unknownDepartments.push(party);
    }
    // Everyone named beside the added parties stays lead; the added ones participate.
    m.joint = false;
  }
}
