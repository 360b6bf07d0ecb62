import { signatureDate as signatureDateImported } from './doc-markers';
import type { BodyLine } from './inline';
import type { ExtractedMeasure } from './types';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const signatureDate = signatureDateImported;

/**
 * The covering text of a notice whose every measure comes from its attachment (`…二、高度重视推广工作\n各地区、各部门
 * 要…\n三、认真抓好组织实施\n各省（区、市）人民政府要…\n附件：…清单\n国务院办公厅\n…\n附件\n（the table）`): its own
 * paragraphs name duty holders in sentences (LABELLING §2, notice paragraphs), so the lines above the attachment are
 * read as prose. Only when nothing above the attachment gave a measure (a local notice's items, closing sections).
 * A page that prints the attachment right after the signature without a `附件` line (`…国务院办公厅\n2016年4月6日\n
 * 2016年…任务分工\n（the table）`) has its covering text end at the signature date.
 */
const ATTACHMENT_START = /^附件\d{0,2}$/u;

export function coveringLines(
  lines: readonly BodyLine[],
  measures: readonly ExtractedMeasure[],
): readonly BodyLine[] {
  if (measures.length === 0) return [];
  let first = measures[0]?.line ?? 0;
  for (const m of measures) if (m.line < first) first = m.line;
  // The attachment proper starts at the last `附件` line alone above the first measure.
  let start = -1;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l || l.no >= first) break;
    if (l.text.length <= 4 && ATTACHMENT_START.test(l.text)) start = i;
  }
  if (start < 0) start = lines.findIndex((l) => l.no < first && signatureDate(l.text) !== null);
  return start > 0 ? lines.slice(0, start) : [];
}
