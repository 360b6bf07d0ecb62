import type { BodyLine } from './inline';
import type { ExtractedMeasure } from './types';

/**
 * A notice that sets one deadline for every problem it annexes (`请各事涉部门对存在的问题立即进行整改，并于5月20日前
 * 将问题整改完成` then `附件：存在问题：1.…（责任单位：X）`): each annexed item without a date of its own takes the
 * notice's deadline, as a document-wide rule would give it (LABELLING: a deadline stated once for all listed items).
 */
const COVERS_LISTED_PROBLEMS =
  /于[^，。；]{2,16}前(?:将|把|对)?(?:存在的|所列|上述|以上)?(?:问题|事项)(?:全部)?整改(?:完成|到位|完毕)/u;
const ATTACHMENT_LINE = /^附件\d*[：:]/u;

export function applyNoticeDeadlineToAnnex(measures: ExtractedMeasure[], lines: readonly BodyLine[]): void {
  const notice = measures.find((m) => m.deadline !== null && COVERS_LISTED_PROBLEMS.test(m.text));
  if (!notice) return;
  // The annex proper: from the last 附件 line (the signature's list of attachments comes earlier) on.
  const annexStart = lines.filter((l) => l.no > notice.line && ATTACHMENT_LINE.test(l.text)).at(-1)?.no;
  if (annexStart === undefined) return;
  for (const m of measures) {
    if (m === notice || m.line <= annexStart || m.deadline !== null) continue;
    m.deadline = notice.deadline;
    m.deadlineText = notice.deadlineText;
    m.deadlineKind = notice.deadlineKind;
  }
}
