// The drafts of a notice paragraph (notice.ts): one per subject given a duty, merged into the paragraph's one measure.

export interface Draft {
  line: number;
  text: string;
  lead: string[];
  participants: string[];
  /** The level's own government, or the issuer's supervising office, announcing its follow-up (`…将…督查`). */
  followsUp: boolean;
  /** Named as leading the work (`由市民政局牵头，…`): with it, the paragraph's other duty holders take part. */
  leading?: boolean;
}

export function addAll(list: string[], names: readonly string[]): void {
  for (const name of names) if (!list.includes(name)) list.push(name);
}

/**
 * One measure per paragraph (LABELLING §2): the parties given duties in its sentences all lead (joint); the
 * supporting side and, beside other holders, the level's own government announcing its follow-up take part.
 */
export function mergeDrafts(drafts: readonly Draft[]): Draft[] {
  const [first] = drafts;
  if (!first || drafts.length === 1) return [...drafts];
  const others = drafts.some((d) => !d.followsUp);
  const led = drafts.some((d) => d.leading);
  const lead: string[] = [];
  const participants: string[] = [];
  for (const d of drafts) {
    addAll((others && d.followsUp) || (led && !d.leading) ? participants : lead, d.lead);
    addAll(participants, d.participants);
  }
  return [
    {
      line: first.line,
      text: drafts.map((d) => d.text).join(''),
      lead,
      participants: participants.filter((n) => !lead.includes(n)),
      followsUp: false,
    },
  ];
}

/** `A、B等…部门` → the listed names and the open rest (null for a bare 等部门 / 等单位). */
export function openRest(subject: string): [string, string | null] {
  const at = subject.lastIndexOf('等');
  if (at <= 0 || !/(?:部门|单位|媒体)$/u.test(subject)) return [subject, null];
  const rest = subject.slice(at + 1);
  // `A、B等媒体`: the named bodies hold the duty, the 等 group is dropped like a bare 等部门 (LABELLING §4).
  return [subject.slice(0, at), /^(?:部门|单位|(?:新闻)?媒体)$/u.test(rest) ? null : rest];
}

/** `各主要责任单位要…。各项工作任务的主要责任单位要…`: the same body written with and without 各. */
export function sameBody(a: string, b: string): boolean {
  return a.replace(/^各/u, '') === b.replace(/^各/u, '');
}
