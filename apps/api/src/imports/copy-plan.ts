import type { ExtractedDocument, ExtractedFile } from '@duban/domain';

export interface CopyPlan {
  /** Per input file: the documents that are the authoritative copy (sameAs cleared). */
  primaries: ExtractedFile[];
  /** Per input file: the other copies, each with sameAs naming its authoritative copy. */
  copies: ExtractedFile[];
}

const identity = (doc: ExtractedDocument): string => doc.docNumber ?? doc.title;

/**
 * When one run holds several copies of a document (a compilation, a reprint, the original), the
 * extractor marks later copies `sameAs` the first. The first is not always the best (a truncated
 * newspaper reprint, a hard-wrapped PDF): the copy with the most measures becomes authoritative
 * (ties: the first), so importing primaries before copies keeps the richest set of tasks.
 */
export function planCopies(files: readonly ExtractedFile[]): CopyPlan {
  const groups = new Map<string, ExtractedDocument[]>();
  for (const file of files) {
    for (const doc of file.documents) {
      const key = doc.sameAs ?? identity(doc);
      if (!doc.sameAs && groups.has(key)) continue; // same identity twice without sameAs: keep both apart
      groups.set(key, [...(groups.get(key) ?? []), doc]);
    }
  }
  const primaryOf = new Map<ExtractedDocument, ExtractedDocument>();
  for (const members of groups.values()) {
    const best = members.reduce((a, b) => (b.measures.length > a.measures.length ? b : a));
    for (const m of members) primaryOf.set(m, best);
  }
  const split = (want: 'primary' | 'copy') =>
    files.map((file) => ({
      ...file,
      documents: file.documents.flatMap((doc): ExtractedDocument[] => {
        const primary = primaryOf.get(doc) ?? doc;
        if (want === 'primary') return primary === doc ? [{ ...doc, sameAs: null }] : [];
        return primary === doc ? [] : [{ ...doc, sameAs: identity(primary) }];
      }),
    }));
  return { primaries: split('primary'), copies: split('copy') };
}
