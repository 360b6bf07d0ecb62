import type { DepartmentRefDto } from '@duban/domain';

/** Character bigrams of a name (a single character counts as itself). */
function bigrams(name: string): Set<string> {
  const chars = [...name];
  if (chars.length < 2) return new Set(chars);
  return new Set(chars.slice(1).map((c, i) => chars[i] + c));
}

function dice(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared += 1;
  return (2 * shared) / (a.size + b.size || 1);
}

/**
 * The registry unit whose name or alias is closest to a name nobody answers to (发改局 → 发展改革委), by
 * bigram overlap; null when nothing is close enough to be a useful hint.
 */
export function suggestDepartment(
  name: string,
  units: readonly { id: string; name: string; aliases: readonly string[] }[],
  threshold = 0.4,
): DepartmentRefDto | null {
  const wanted = bigrams(name);
  let best: { score: number; unit: DepartmentRefDto } | null = null;
  for (const unit of units) {
    for (const candidate of [unit.name, ...unit.aliases]) {
      const score = dice(wanted, bigrams(candidate));
      if (score >= threshold && (!best || score > best.score))
        best = { score, unit: { id: unit.id, name: unit.name } };
    }
  }
  return best?.unit ?? null;
}
