import { NOTIFICATION_CATEGORY_RULES } from '@duban/domain';

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** A LIKE pattern matching `prefix…` (the prefix's own `_`, `%` and `\` taken literally). */
function prefixPattern(prefix: string): string {
  return literal(`${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}

/**
 * The SQL twin of `categoryOfRule`, built from the same table in @duban/domain (exact names first, then
 * prefixes, else 'other'), so a filter on a category keeps exactly the messages labelled with it.
 * The table is constant code, never input: inlining its literals is safe and lets the planner fold it.
 */
export function categorySql(ruleColumn: string): string {
  const entries = Object.entries(NOTIFICATION_CATEGORY_RULES);
  const exact = entries
    .filter(([, { rules }]) => rules.length > 0)
    .map(
      ([category, { rules }]) =>
        `WHEN ${ruleColumn} IN (${rules.map(literal).join(', ')}) THEN '${category}'`,
    );
  const prefixed = entries.flatMap(([category, { prefixes }]) =>
    prefixes.map((prefix) => `WHEN ${ruleColumn} LIKE ${prefixPattern(prefix)} THEN '${category}'`),
  );
  return `(CASE ${[...exact, ...prefixed].join(' ')} ELSE 'other' END)`;
}
