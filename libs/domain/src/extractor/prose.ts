import { matchHeading as matchHeadingImported } from './headings';
import type { HeadingType } from './headings';
import type { BodyLine } from './inline';
import { makeMeasure as makeMeasureImported } from './make-measure';
import type { MeasureContext } from './make-measure';
import * as PROSE_ORG from './prose-org';
import * as PROSE_SENTENCE from './prose-sentence';
import type { Named, Role } from './prose-sentence';

// Module-local copies of imports used per line, sentence or unit: under tsx every use of an import is a getter call.
const matchHeading = matchHeadingImported;
const makeMeasure = makeMeasureImported;

// Module-local copies of the imports called per paragraph and sentence: under tsx every use of an import is a getter
// call.
const { setUpBody } = PROSE_ORG;
const { sentencePartiesIn } = PROSE_SENTENCE;

export { proseParties } from './prose-parties';

/**
 * Prose duties: a document without any annotation, table or field names its duty holders in sentences —
 * `各省（区、市）人民政府要…`, `请财政部…`, `由省科技行政主管部门牵头，发展改革、…等单位参与`,
 * `人力资源社会保障部会同有关部门…`, `A、B要…`. One measure per paragraph that names one; a paragraph that
 * closes on `：` after naming its parties (`试点地区要…重点做好以下工作：`) is a group whose numbered children
 * inherit them. Headings on a line of their own open the paragraph below them. Only used when nothing else
 * in the document gave a measure, or for the closing section of an annotated one (`五、组织实施`, measures.ts).
 * The sentences themselves are read in prose-sentence.ts.
 *
 * Roles in a paragraph: a party asked (`请A`) or leading (`由A牵头`, `A要牵头`) leads and every other party
 * named with a duty takes part; without one, each party given its own duty leads (joint), except those only
 * supervising or coordinating (`国务院办公厅要适时开展督促检查`, `地方各级人民政府要加强统筹协调`) when someone
 * else has the duty. `会同` partners, `…等单位参与` lists and the open rest of `A等有关部门` take part.
 */

/** `2.1.1`, `2.3`: a 预案's section numbers (matchHeading reads single numbers); `2.5万`, `1.5倍` are amounts. */
const DECIMAL_SECTION = /^\d{1,2}(?:[.．]\d{1,2})+(?![\d%万亿千百元个倍米吨岁年月日])\s*/u;

/** `第三条`, `第十二条`: a rule's article number before its text. */
const ARTICLE = /^第[一二三四五六七八九十百零〇\d]{1,5}条/u;
const DI = '第'.charCodeAt(0);

interface Duty {
  lead: string[];
  participants: string[];
}

function namesIn(named: readonly Named[], roles: readonly Role[]): string[] {
  return named.filter((n) => roles.includes(n.role)).map((n) => n.name);
}

/** The parties a paragraph gives duties to, or null. */
export function proseDuty(paragraph: string): Duty | null {
  const named: Named[] = [];
  // `第三条 A是…的责任主体`: an article's number opens its paragraph, the sentence starts after it.
  const article = paragraph.charCodeAt(0) === DI ? (ARTICLE.exec(paragraph)?.[0].length ?? 0) : 0;
  // `设立A（以下简称B）。主要职责是：…`: the body just set up holds the duties listed after it.
  const body = setUpBody(paragraph);
  if (body !== null) named.push({ name: body, role: 'duty' });
  // Sentences end at 。 or ；: each is read up to its end in the one pass over its key characters.
  for (let start = article; start < paragraph.length;) start = sentencePartiesIn(paragraph, start, named);
  // Most paragraphs name no party: no closure or arrays for them (tsx's keepNames makes each closure costly).
  if (named.length === 0) return null;
  let lead = namesIn(named, ['asked', 'leading']);
  if (lead.length === 0) lead = namesIn(named, ['duty']);
  if (lead.length === 0) lead = namesIn(named, ['supervising']);
  if (lead.length === 0) return null;
  const leadSet = [...new Set(lead)];
  const participants = [...new Set(named.map((n) => n.name))].filter((n) => !leadSet.includes(n));
  return { lead: leadSet, participants };
}

interface Group {
  duty: Duty;
  /** The group ends at the next heading of this type (or of the document's top type). */
  endsAt: HeadingType | null;
}

/** A heading alone on its line (`（一）加强组织领导。`, `三、试点任务`): it opens the paragraphs below it. */
export function isHeadingOnly(rest: string): boolean {
  return rest.length <= 30 && !/[。；](?!$)/u.test(rest) && !rest.includes('，');
}

/**
 * A short numbered line that is a sentence (`（9）国家统计局负责统计监测。`, `7.2 本预案由A负责解释。`, `（2）对下级工作进行督查。`
 * under a duty list's heading): an item with a duty of its own or inherited from the group above, never a heading.
 */
function isDutySentence(rest: string, group: Group | null): boolean {
  if (!/[。；]$/u.test(rest)) return false;
  return group !== null || proseDuty(rest) !== null;
}

/** Measures of the prose duties in `lines` (the body of a document that gave no other measure). */
export function extractProseDuties(ctx: MeasureContext, lines: readonly BodyLine[]): void {
  let heading: { line: BodyLine; label: string; type: HeadingType } | null = null;
  let lastType: HeadingType | null = null;
  let group: Group | null = null;
  let index = 0;
  // The headings above the paragraph, outermost first (`一、` then `（一）`): a prose measure is keyed by its place
  // in the document like an annotated one, `一/（一）`, not by its count.
  const trail: { type: HeadingType; label: string }[] = [];
  const speaker = ctx.speaker;
  for (const l of lines) {
    // `2.1.1 县防汛抗旱指挥部职责` (a 预案's numbered section): it closes the group above; naming whose duties follow,
    // it opens a group its numbered items inherit. A long numbered paragraph is read without its number.
    const c0 = l.text.charCodeAt(0);
    const section = c0 >= 0x30 && c0 <= 0x39 ? DECIMAL_SECTION.exec(l.text) : null;
    const sectionRest = section ? l.text.slice(section[0].length) : '';
    if (section && isHeadingOnly(sectionRest) && !isDutySentence(sectionRest, group)) {
      const duty = sectionRest.includes('职责') ? proseDuty(`${sectionRest.replace(/：$/u, '')}：`) : null;
      group = duty ? { duty, endsAt: null } : null;
      heading = null;
      continue;
    }
    const h = matchHeading(l.text);
    if (h) {
      if (group && (h.type === group.endsAt || h.type === 'cn' || h.type === 'part')) group = null;
      lastType = h.type;
      const level = trail.findIndex((t) => t.type === h.type);
      if (level !== -1) trail.length = level;
      trail.push({ type: h.type, label: h.label });
    }
    // An article (第四条…) is a paragraph of its own, never a heading over the paragraphs below.
    if (h && h.type !== 'article' && isHeadingOnly(h.rest) && !isDutySentence(h.rest, group)) {
      heading = { line: l, label: h.label, type: h.type };
      continue;
    }
    const text = l.text;
    const duty = proseDuty(h ? h.rest : section ? sectionRest : text);
    if (duty && /：$/u.test(text)) {
      group = { duty, endsAt: h ? h.type : (heading?.type ?? lastType) };
      heading = null;
      continue;
    }
    const own = duty ?? (h && group ? group.duty : null);
    if (!own) continue;
    const opening = heading && !h ? `${heading.line.text}\n` : '';
    index++;
    const path = trail.length > 0 ? trail.map((t) => t.label) : [String(index)];
    ctx.measures.push(
      makeMeasure(ctx, {
        key: trail.length > 0 ? path.join('/') : `正文/${index}`,
        parentKey: null,
        path,
        line: l.no,
        origin: 'inline',
        text: `${opening}${text}`,
        responsibility: {
          lead: speaker ? own.lead.map(speaker) : own.lead,
          participants: speaker ? own.participants.map(speaker) : own.participants,
          joint: false,
          openList: false,
          declaresFirstIsLead: false,
        },
        deadline: ctx.parsers.findDeadline(text, { documentYear: ctx.documentYear }),
        basis: 'prose',
      }),
    );
    // A section's opening paragraph with duties of its own (`二、…` / `行政执法机关要…`) is also inherited by the
    // numbered items under it that name no party.
    if (!h && duty && heading && !group) group = { duty, endsAt: heading.type };
    if (!h) heading = null;
  }
}
