import * as PROSE_ROLES from './prose-roles';
import * as PROSE_MARKERS from './prose-markers';
import * as PROSE_OPENINGS from './prose-openings';
import { isKnownDepartmentName as isKnownDepartmentNameImported } from '../departments/registry';
import { type ProseParties } from './prose-parties';
import * as PROSE_PARTIES from './prose-parties';
import * as PROSE_ORG from './prose-org';
import * as PROSE_CHARS from './prose-chars';
import * as PROSE_PATTERNS from './prose-patterns';
import * as PROSE_DESIGNATIONS from './prose-designations';
import * as LATER from './prose-later-subjects';
import * as ROLES from './roles';
import * as PROSE_WHEN from './prose-when';
import * as PROSE_RELATIVE_SUBJECTS from './prose-relative-subjects';
import * as PROSE_BY from './prose-by';

// Module-local copies of imports (see below).
const { carriedSubject, subjectParties } = PROSE_RELATIVE_SUBJECTS;
const { designationsBy, NO_DESIGNATIONS } = PROSE_BY;
const { APPRAISING, isPastSpeech, issuerSide, ISSUING_GOVERNMENT, LEAD_OR_CHARGE, LEADING_MARKER } =
  PROSE_ROLES;
const { SUPERVISING, SUPPORTING } = PROSE_ROLES;
const { designatedIn, designatedSupport, holderBefore, speakerCommitment } = PROSE_DESIGNATIONS;
const { statutoryDuty, transferredDuty, unitsBeside } = PROSE_DESIGNATIONS;
const { askedParties, proseParties } = PROSE_PARTIES;
const { DUI, isLaterSubject, parallelSubject } = LATER;
const { openingOffsets } = PROSE_OPENINGS;
const { partyBeforeWhen, reporterOf } = PROSE_WHEN;
const { HANDED_DOWN } = ROLES;
const isKnownDepartmentName = isKnownDepartmentNameImported;

/**
 * One sentence of a prose duty paragraph (prose.ts): who it gives a duty to and in which role — the subject before
 * a duty marker (after opening, dated or inserted clauses), a party asked (`请A`), leading (`由A牵头`), hosting
 * (`办公室设在A`), members, partners (`会同A`, `…等单位参与`) and counterparts (`与A、B等部门的协调机制`).
 */
// Module-local copies of the imports read per sentence and the flag tables and bits (prose-chars.ts) read in the
// per-character loops: under tsx every use of an import is a getter call.
const {
  asideParties,
  contributingParties,
  designatedLead,
  hostingParties,
  listedUnit,
  MEMBERS,
  NARRATIVE,
  opinionBody,
  replyOpinion,
  staffingUnits,
} = PROSE_ORG;
const {
  lastPairAt,
  CHAR_FLAGS,
  KEY_CHARS,
  KEY_ADVERB_FIRST,
  KEY_PAST_ADVERB,
  MARKER_FIRST,
  AFTER_NAME,
  END,
  GOAL_FIRST,
  REGISTRY_LAST,
  KEY_QING,
  KEY_SHE,
  KEY_CHENG,
  KEY_YOU,
  KEY_QING2,
  KEY_XIE,
  KEY_ZHI,
  KEY_HUI,
  KEY_COLON,
  KEY_TE,
  KEY_QIAN,
  KEY_ANY,
  KEY_AFTER,
  KEY_PAIR,
  KEY_STOP,
  KEY_TUI,
  KEY_YAO,
  KEY_CAN,
  datedBefore,
} = PROSE_CHARS;
const { GOAL_MARKER_AT, MARKER_AT, mayMarkAtListed } = PROSE_MARKERS;
const {
  ASK_ANY,
  ASK_SUPPORT,
  ASKED,
  ASKED_SUPPORT,
  askOpenings,
  CONSULTED,
  COUNTERPARTS,
  GOVERNED,
  JOINING,
  PARTNERS,
  TOGETHER,
  INSERTED_CLAUSE,
  OWN_WHEN_CLAUSE,
  SUBJECTLESS_DUTY,
  withoutInclusionAside,
} = PROSE_PATTERNS;

const COMMA = '，'.charCodeAt(0);
export type Role = 'asked' | 'leading' | 'duty' | 'supervising' | 'partner';

export interface Named {
  name: string;
  role: Role;
}

function push(out: Named[], parties: ProseParties | null, role: Role): void {
  if (!parties) return;
  for (const name of parties.names) out.push({ name, role });
  if (parties.open) out.push({ name: parties.open, role: 'partner' });
}

/**
 * The parties a sentence gives a duty to: the text before a duty marker, at the start or after an opening
 * clause (`到2019年底，`), that parses as a party list. Every marker is tried in turn, so 主要/需要 inside the
 * words before the real one cannot hide it.
 */
/**
 * The positions (in the sentence read by sentencePartiesIn) of each character opening a marker right after one a
 * name can end on: the only positions subjectOf tests. Filled by sentencePartiesIn's pass over the sentence and
 * read by subjectOf before any other sentence is read (a nested read only comes from opinionBody, which returns).
 */
const PAIR_AT = new Int32Array(256);

/**
 * Returns the text from the duty marker on (`牵头，B配合…`), or null when no party was found. With `listed` ≥ 0
 * the candidate positions are PAIR_AT[0, listed) (so the positions in between are not read); otherwise every
 * position is read. `mayHaveColon` false: the key pass saw no colon, so none is searched for.
 */
function subjectOf(sentence: string, out: Named[], listed = -1, mayHaveColon = true): string | null {
  // No listed position can hold a marker for any opening: the opening clauses need not be found.
  if (listed >= 0 && !mayMarkAtListed(sentence, PAIR_AT, listed)) return null;
  for (const from of openingOffsets(sentence)) {
    // The window read is sentence[from, limit) (64 characters); it is sliced only once a position qualifies.
    const limit = Math.min(sentence.length, from + 64);
    let head: string | null = null;
    // After a dated opening clause the goal verbs (完成/实现/建成) are markers too (computed when first needed).
    let dated: boolean | null = null;
    // The party list cannot run past the first comma (only an inserted clause closing on it is dropped), so the
    // scan ends just after it.
    const comma = sentence.indexOf('，', from);
    const stop = comma === -1 || comma >= limit ? limit : Math.min(limit, comma + 2);
    // The scan below stops at a colon (END; 。 and ； only end a sentence): with listed positions, up front.
    const colon = listed >= 0 && mayHaveColon ? sentence.indexOf('：', from + 1) : -1;
    const listedStop = colon !== -1 && colon + 1 < stop ? colon + 1 : stop;
    let k = 0;
    // A marker can only follow a unit word (or the comma closing an inserted clause): test those positions only.
    for (let p = from + 2; p < stop; p++) {
      if (listed >= 0) {
        while (k < listed && (PAIR_AT[k] ?? 0) < p) k++;
        if (k === listed) break;
        p = PAIR_AT[k] ?? 0;
        if (p >= listedStop) break;
      }
      const prev = sentence.charCodeAt(p - 1);
      const prevFlags = CHAR_FLAGS[prev] ?? 0;
      if (prevFlags & END) break;
      if (!(prevFlags & AFTER_NAME)) continue;
      const flags = CHAR_FLAGS[sentence.charCodeAt(p)] ?? 0;
      if (!(flags & (MARKER_FIRST | GOAL_FIRST))) continue;
      head ??= sentence.slice(from, limit);
      const j = p - from;
      MARKER_AT.lastIndex = j;
      // Without a duty marker, a goal verb assigns the duty after a dated opening clause, or to departments the
      // registry knows opening the sentence (`国家中医药局印发…`).
      let registryOnly = false;
      if (!(flags & MARKER_FIRST) || !MARKER_AT.test(head)) {
        if (!(flags & GOAL_FIRST)) continue;
        if (from === 0 ? !(prevFlags & REGISTRY_LAST) : !(dated ??= datedBefore(sentence, from))) continue;
        GOAL_MARKER_AT.lastIndex = j;
        if (!GOAL_MARKER_AT.test(head)) continue;
        registryOnly = from === 0;
      }
      let before = head.slice(0, j);
      if (registryOnly && !before.split('、').every(isKnownDepartmentName)) continue;
      if (GOVERNED.test(before) && /^(?:[做抓]好|依法)/u.test(head.slice(j))) continue; // `督促A做好`: A is an object
      before = holderBefore(before, prev);
      if (prev === COMMA) before = before.replace(INSERTED_CLAUSE, '');
      const ownWhen = prev === COMMA && OWN_WHEN_CLAUSE.test(before);
      // `各有关部门和单位，要按照…`: a subject set off from its 要 by a comma alone (older notices); a class named by a
      // relative clause also before 也要 / 应 (`不涉及…整改的其他单位，也要…`).
      if (
        !ownWhen &&
        prev === COMMA &&
        (sentence.charCodeAt(p) === YAO || (before.includes('的') && RELATIVE_DUTY.test(head.slice(j)))) &&
        before.indexOf('，') === before.length - 1
      )
        before = before.slice(0, -1);
      if (!ownWhen && /[，。；：]/u.test(before)) break;
      const parties = ownWhen
        ? partyBeforeWhen(before)
        : before.length >= 2
          ? subjectParties(before, prev === COMMA)
          : null;
      if (!parties) continue;
      const rest = sentence.slice(p);
      if (NARRATIVE.test(rest)) return null;
      // `市政府将…任务分解为…，现下达给你们`: the issuer handing the tasks down, no duty of its own.
      if (
        rest.startsWith('将') &&
        parties.names.every((n) => ISSUING_GOVERNMENT.test(n)) &&
        HANDED_DOWN.test(rest)
      )
        return null;
      const role: Role = LEADING_MARKER.test(rest)
        ? 'leading'
        : (SUPERVISING.test(rest) && parties.names.every((n) => issuerSide(n, rest))) ||
            APPRAISING.test(rest) ||
            SUPPORTING.test(rest) ||
            (rest.startsWith('将') && parties.names.every((n) => ISSUING_GOVERNMENT.test(n)))
          ? 'supervising'
          : 'duty';
      push(out, parties, role);
      return rest;
    }
  }
  return null;
}

const YAO = '要'.charCodeAt(0);
const RELATIVE_DUTY = /^[也还]?(?:要(?!求)|应|须)/u;
/**
 * `A要加强指导，B要做好协调`: a party given its own duty after a comma of the same sentence, read like a sentence's
 * subject; the scan resumes after each party found.
 */
function laterSubjects(rest: string, out: Named[]): void {
  // subjectOf tests a clause's positions from its third character on, where a marker follows a name: none after the last.
  const first = rest.indexOf('，');
  const last = first === -1 ? -1 : lastPairAt(rest);
  for (let comma = first; comma !== -1; comma = rest.indexOf('，', comma + 1)) {
    if (comma + 3 > last) break;
    const before = out.length;
    const found = subjectOf(rest.slice(comma + 1), out);
    if (found === null) continue;
    // Only a proper party opens such a clause (not `会同有关部门对…`, `大力推动政府部门将…`).
    const own = found.startsWith('要') || found.startsWith('对');
    if (!out.slice(before).every((named) => isLaterSubject(named.name, own))) {
      out.length = before;
      continue;
    }
    comma = rest.length - found.length;
  }
}

/** `会议要求A负责…，责成B做好…` (B's duty like 要) / `由A按程序印发，B要…`: an order hides no subject around it. */
function subjectsAround(sentence: string, order: RegExpExecArray, out: Named[]): void {
  const rest = order.index >= 2 ? subjectOf(sentence.slice(0, order.index), out) : null;
  if (rest !== null) laterSubjects(rest, out);
  const after = sentence.slice(order.index + order[0].length);
  pushJoining(LEAD_OR_CHARGE.test(after) ? JOINING.exec(after) : null, out); // `责成A牵头…，B、C配合`
  laterSubjects(after, out);
}

/** `，公安、商务等部门配合`: abbreviated sector names only in a list; one name must be unit-shaped (not 密切配合). */
function pushJoining(joining: RegExpExecArray | null, out: Named[]): void {
  const list = joining?.[1] ?? '';
  push(out, joining ? proseParties(list, /、|等$/u.test(list) ? 'partner' : 'unit') : null, 'partner');
}

/**
 * Reads the sentence of `paragraph` from `start` (up to its 。 or ； or the end) in one pass over its key characters,
 * gives it to sentenceParties only when one of its forms can match (most have none of the key characters: they are
 * not sliced), and returns where the next sentence starts.
 */
export function sentencePartiesIn(paragraph: string, start: number, out: Named[]): number {
  let keys = 0;
  let pairs = 0;
  let previous = 0;
  let adverbs = 0;
  let end = start;
  while (end < paragraph.length) {
    const key = KEY_CHARS[paragraph.charCodeAt(end++)] ?? 0;
    keys |= key;
    const paired = previous & (key >> 1);
    adverbs |= paired;
    if (paired & KEY_AFTER) {
      if (pairs < PAIR_AT.length) PAIR_AT[pairs] = end - 1 - start;
      pairs++;
    }
    previous = key;
    if (key & KEY_STOP) break;
  }
  if (pairs > 0) keys |= KEY_PAIR;
  if (adverbs & KEY_ADVERB_FIRST) keys |= KEY_PAST_ADVERB;
  if (!(keys & (KEY_ANY | KEY_PAIR))) return end;
  const sentence = paragraph.slice(start, end);
  // `A（包括…）应当…`: read without the aside between the party and its marker (prose-patterns.ts).
  const bare =
    sentence.includes('（包') || sentence.includes('（含') ? withoutInclusionAside(sentence) : sentence;
  if (bare !== sentence) sentencePartiesIn(bare, 0, out);
  else sentenceParties(sentence, out, keys, pairs <= PAIR_AT.length ? pairs : -1);
  return end;
}

/** `pairsListed`: how many of the sentence's subject positions PAIR_AT holds (-1: more than it holds). */
function sentenceParties(sentence: string, out: Named[], keys: number, pairsListed: number): void {
  // `…多次指出，各级政府要…`: an instruction reported as past speech gives no duty.
  if (keys & KEY_PAST_ADVERB && isPastSpeech(sentence)) return;
  const before = out.length;
  const colon = (keys & KEY_COLON) !== 0;
  // Organisation sections and older prose (prose-org.ts): `A研究提出了办理意见：将…`, `A：负责…`, `A，特别是B，要`.
  const opinion = colon && sentence.includes('意见：') ? replyOpinion(sentence) : null;
  if (opinion) {
    push(out, opinion.holder, 'duty');
    push(out, opinion.partners, 'partner');
    if (out.length > before) return;
  }
  const opinionText = colon ? opinionBody(sentence) : null;
  if (opinionText !== null) {
    sentencePartiesIn(opinionText, 0, out);
    return;
  }
  // `农业部也表示，对你省…将继续予以重点支持`: the speaker commits itself (supporting: `…表示将积极配合A…`).
  const commits = sentence.includes('表示') ? speakerCommitment(sentence) : null;
  if (commits) {
    const supports = SUPPORTING.test(commits.rest.replace(/^(?:也|还)?将/u, '要'));
    for (const name of commits.parties) out.push({ name, role: supports ? 'supervising' : 'duty' });
    return;
  }
  const listed = colon ? listedUnit(sentence) : null;
  if (listed) {
    push(out, listed, 'duty');
    // `A：负责会同B…` / `A：负责协同B查处…`: the partners of the listed unit's duties.
    const partner = sentence.includes('会同') || sentence.includes('协同') ? PARTNERS.exec(sentence) : null;
    push(out, partner ? proseParties(`${partner[1] ?? ''}${partner[2] ?? ''}`, 'partner') : null, 'partner');
    return;
  }
  if (designatedIn(sentence, keys, out)) return;
  const aside = keys & KEY_TE && sentence.includes('特别是') ? asideParties(sentence) : null;
  for (const parties of aside ?? []) push(out, parties, 'duty');
  // Each form is screened by its key word first: this runs for every sentence of documents without annotations.
  const askable = keys & KEY_QING ? askOpenings(sentence) : 0;
  const supportAsked = askable & ASK_SUPPORT ? ASKED_SUPPORT.exec(sentence) : null;
  push(out, supportAsked ? proseParties(supportAsked[1] ?? '') : null, 'supervising');
  const asked = askable & ASK_ANY && !supportAsked ? ASKED.exec(sentence) : null;
  const orderEnd = asked && asked[0].endsWith(`责成${asked[1] ?? ''}`) ? asked.index + asked[0].length : -1;
  const ordered =
    orderEnd === -1 ? 'asked' : LEADING_MARKER.test(sentence.slice(orderEnd)) ? 'leading' : 'duty';
  push(out, asked ? askedParties(asked[1] ?? '') : null, ordered);
  push(out, keys & KEY_SHE ? hostingParties(sentence) : null, 'leading');
  const members = keys & KEY_CHENG && /成员|会议由|小组由/u.test(sentence) ? MEMBERS.exec(sentence) : null;
  push(out, keys & KEY_QIAN && sentence.includes('为牵头') ? designatedLead(sentence) : null, 'leading');
  push(out, members ? proseParties(members[1] ?? '', 'partner') : null, 'partner');
  for (const p of staffingUnits(sentence)) push(out, p, 'partner'); // `副主任由A的…负责同志担任`, `从B…中抽调`
  const designations = keys & KEY_YOU ? designationsBy(sentence) : NO_DESIGNATIONS;
  for (const d of designations) {
    push(out, d.parties, d.role);
    pushJoining(d.joined, out);
  }
  const by = designations[0]?.match ?? null;
  if (asked && orderEnd !== -1) subjectsAround(sentence, asked, out);
  if (by?.[2] === '按程序' || by?.[2] === '印发') subjectsAround(sentence, by, out);
  if (out.length === before) {
    // No marker right after a name's last character anywhere: subjectOf would test no position.
    const rest = keys & KEY_PAIR ? subjectOf(sentence, out, pairsListed, (keys & KEY_COLON) !== 0) : null;
    // `A牵头，B、C配合` / `A负责，B等部门参与` without 由: the later list takes part (only after 牵头/负责 itself).
    pushJoining(rest !== null && LEAD_OR_CHARGE.test(rest) ? JOINING.exec(rest) : null, out);
    if (rest !== null) laterSubjects(rest, out);
    if (rest !== null && rest.charCodeAt(0) === DUI) push(out, parallelSubject(rest, proseParties), 'duty');
    // `要加强…工作，干部职工做到…，各行业要各司其职`: a sentence without a subject of its own may still give a later
    // clause's party its own duty.
    else if (SUBJECTLESS_DUTY.test(sentence)) laterSubjects(sentence, out);
    // `A今年已将…，目前正会同B加快…`: the subject of a past clause carried into the commitment after it.
    if (out.length === before) push(out, carriedSubject(sentence), 'duty');
  }
  if (out.length === before && keys & KEY_QING2 && sentence.includes('情况'))
    push(out, reporterOf(sentence), 'duty');
  if (keys & KEY_ZHI && sentence.includes('职责')) statutoryDuty(sentence, out); // `…是A、B的法定职责`
  if (out.length === before && keys & KEY_ZHI) transferredDuty(sentence, out); // `将…职责划归A`
  if (keys & KEY_XIE && sentence.includes('为协办')) designatedSupport(sentence, before, out); // `A、B为协办单位，…`
  unitsBeside(sentence, keys, out.length > before, out);
  // Read after the subject: a sentence naming only counterparts still has its own duty holder to find.
  const counterparts = keys & KEY_XIE && sentence.includes('协调机制') ? COUNTERPARTS.exec(sentence) : null;
  // Abbreviated sector names only in a list closed by 等部门 (网络与信息安全协调机制 names no counterpart).
  const counterpartList = counterparts
    ? counterparts[2]
      ? proseParties(`${counterparts[1] ?? ''}${counterparts[2]}`, 'partner')
      : proseParties(counterparts[1] ?? '')
    : null;
  push(out, counterpartList, 'partner');
  if (keys & (KEY_TUI | KEY_YAO | KEY_CAN))
    for (const [parties, role] of contributingParties(sentence)) push(out, parties, role);
  // A subjectless sentence continuing the paragraph's duty (`海关总署要…。要…，会同有关部门建立…`) names partners too.
  if (out.length > before || (before > 0 && SUBJECTLESS_DUTY.test(sentence))) {
    // `会同A、B等部门筛选确定`: the list closed by 等部门 ends before any verb.
    const partner =
      (keys & KEY_HUI && sentence.includes('会同')) || (keys & KEY_XIE && sentence.includes('协同'))
        ? PARTNERS.exec(sentence)
        : null;
    push(out, partner ? proseParties(`${partner[1] ?? ''}${partner[2] ?? ''}`, 'partner') : null, 'partner');
    const together = sentence.includes('一') && /一[起道]/u.test(sentence) ? TOGETHER.exec(sentence) : null;
    push(out, together ? proseParties(together[1] ?? '', 'partner') : null, 'partner');
    const consulted = sentence.includes('，商') ? CONSULTED.exec(sentence) : null;
    push(out, consulted ? proseParties(consulted[1] ?? '', 'partner') : null, 'partner');
  }
}
