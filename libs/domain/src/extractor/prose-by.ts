// Designations by 由 in a prose sentence (`由A牵头`, `由A负责，B配合`, `由地方自行解决`): every 由 of the sentence names
// its acting body (`由省级人民政府提出申请，由A及B会同C提出动用方案` → the government and A, B); read by prose-sentence.ts.
import { type ProseParties, proseParties } from './prose-parties';
import { BY, JOINING } from './prose-patterns';

export interface Designation {
  /** The 由 match: [1] the list, [2] the verb. */
  match: RegExpExecArray;
  parties: ProseParties | null;
  role: 'leading' | 'duty';
  /** `，B、C配合` after a lead (or a party in charge): the list that takes part. */
  joined: RegExpExecArray | null;
}

const BY_ALL = new RegExp(BY.source, 'gu');

function designation(sentence: string, by: RegExpExecArray): Designation {
  // 由…负责 marks a list of several as parties: abbreviated sector names (省科技、发展改革) are kept as written.
  const list = by[1] ?? '';
  // `由地方自行解决` / `由地方财政统一拨补`: a designating verb marks even a single name as a party.
  const designating = by[2] === '筹措' || by[2] === '拨补' || by[2] === '解决' || by[2] === '贷款';
  const parties =
    proseParties(list) ??
    (list.includes('、') || (designating && list.length <= 10 && !/^[哪其该]/u.test(list))
      ? proseParties(list, 'partner')
      : null);
  // `由A负责，B配合`: only once A is a party (`由某副市长负责，A牵头，B配合` is read by the subject scan).
  const joins = by[2] === '牵头' || (by[2] === '负责' && parties !== null);
  const joined = joins ? JOINING.exec(sentence.slice(by.index + by[0].length)) : null;
  // `由县政府办负责，专班成员由A、B组成` / `…负责，抽调A、B人员组成`: only a lead's working group is so composed.
  return {
    match: by,
    parties,
    role: by[2] === '牵头' ? 'leading' : 'duty',
    joined: joined && by[2] === '负责' && joined[0].endsWith('组成') ? null : joined,
  };
}

/**
 * The sentence's designations in order. A later 由 counts only once an earlier one named a party and stands in a
 * clause of its own (after a comma): `由A提出申请，由B会同C提出…`.
 */
/** The designations of a sentence without 由 (most): one shared empty list. */
export const NO_DESIGNATIONS: readonly Designation[] = [];

export function designationsBy(sentence: string): Designation[] {
  const found: Designation[] = [];
  BY_ALL.lastIndex = 0;
  for (let by = BY_ALL.exec(sentence); by !== null; by = BY_ALL.exec(sentence)) {
    if (found.length > 0 && (sentence.charCodeAt(by.index - 1) !== COMMA || found[0]?.parties === null))
      break;
    found.push(designation(sentence, by));
  }
  return found;
}
const COMMA = '，'.charCodeAt(0);
