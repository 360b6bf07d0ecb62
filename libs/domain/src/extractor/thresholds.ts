/**
 * The extractor's size limits and tuning thresholds, named in one place. Each was set against the corpus; a
 * change here is a change of extraction rule, so check `npm run accuracy` after it.
 */
export const LIMITS = {
  /** Longest bracket (characters) read as a possible annotation; longer ones are prose. */
  maxBracketChars: 400,
  /** A title phrase is the opening sentence when it ends within this many characters. */
  titleChars: 40,
  /** Hard-wrapped layouts: a line shorter than this share of the typical width ends a paragraph. */
  shortLineRatio: 0.75,
  /** Plain layouts: a line this long that stops between two characters of a word was broken by the page, not ended. */
  brokenLineMinChars: 60,
  /** …and its last clause (after ，。；、) is at most this long. */
  brokenClauseMaxChars: 30,
  /** Labelled role lines (责任单位：…) longer than this are prose, not an annotation. */
  maxLabelLineChars: 120,
  /** A labelled-field block may run this many lines from 行动内容： to its responsibility label. */
  maxFieldBlockLines: 400,
  /** A running-text lead convention (…为牵头单位，下同) counts when stated within this many lines of the body start. */
  conventionWindowLines: 40,
  /** A section heading carrying its annotation (`一、强化科技创新（区科技局牵头）`) opens it within this many characters. */
  sectionHeadingAnnotated: 30,
  /** A table header line (its cells joined) is at most this long: longer lines are running text. */
  maxGridHeaderChars: 60,
  /** …unless tabs separate its cells (an inspection plan's sixteen columns): tabbed running text is rare. */
  maxTabbedHeaderChars: 160,
  /** A row of a flattened table (grid-flattened.ts) runs at most this many lines before its party and date close it. */
  maxFlattenedRowLines: 6,
  /**
   * Opening clauses read before a prose party (`扩大…规模，涉及多方面，并且任务重，时间紧，各有关省（市）人民政府应…`: four);
   * after reported speech six.
   */
  maxOpeningClauses: 4,
  maxReportedOpeningClauses: 6,
  /** Lines listed in a no-measure diagnostic. */
  diagnosticNearLines: 5,
  /** Lines of a no-measure document searched for near misses (compilations hold long documents without any). */
  diagnosticScanLines: 300,
} as const;
