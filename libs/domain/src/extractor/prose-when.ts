// Parties read from a clause's head before its own when-clause or its state of work (prose-sentence.ts):
// `行政执法机关作出重大执法决定前，要…`, `各地工作进展情况要定期报告…`.
import { proseParties, UNIT_LAST } from './prose-parties';
import type { ProseParties } from './prose-parties';

/**
 * `各地工作进展情况要定期报告…`, `各省（区、市）工作方案、整改等情况，要及时报送…`: the party whose state of work is
 * to be reported reports it.
 */
const REPORTED = /^([^。；]{2,60}?)情况，?(?:要|应)(?:及时|定期|按时|按期)?(?:报送|报告|上报)/u;

export function reporterOf(sentence: string): ProseParties | null {
  const head = REPORTED.exec(sentence)?.[1];
  return head ? partyBeforeWhen(`${head}情况，`) : null;
}

/** The longest head of `clause` (before its own when-clause) that parses as a party list (省级主管部门, not …部). */
export function partyBeforeWhen(clause: string): ProseParties | null {
  for (let k = Math.min(24, clause.length - 4); k >= 2; k--) {
    if (!UNIT_LAST.includes(clause.charAt(k - 1))) continue;
    const parties = proseParties(clause.slice(0, k));
    if (parties) return parties;
  }
  return null;
}
