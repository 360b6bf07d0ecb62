const TITLE_NOISE = /[\s“”"'‘’《》「」<>]/g;

/**
 * Matching key of a document title: without quotes, spaces and the issuer prefix (…关于), because
 * compilations and reprints keep or drop the issuer. Mirrors the extractor's same-document rule.
 */
export function titleKey(title: string): string {
  const t = title.replace(TITLE_NOISE, '');
  const i = t.indexOf('关于');
  return i >= 0 ? t.slice(i + 2) : t;
}

const ASCII_TO_FULL: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
};

/**
 * Measure text for change detection: spacing and ASCII/full-width punctuation differences between
 * copies (newspaper reprints, PDF extractions) are not edits.
 */
export function comparableText(text: string): string {
  return text.replace(/\s+/g, '').replace(/[,;:()!?]/g, (c) => ASCII_TO_FULL[c] ?? c);
}

/** Base name of a path (the stored source file of a document). */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] ?? path;
}
