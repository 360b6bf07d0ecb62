/** The period pickers' state, and the API's period key it stands for. */
export interface PeriodChoice {
  kind: 'month' | 'quarter' | 'custom';
  /** 'YYYY-MM' (a month input's value). */
  month: string;
  year: string;
  quarter: '1' | '2' | '3' | '4';
  from: string;
  to: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Last month, as the monthly bulletin covers. */
export function previousMonth(now: Date): PeriodChoice {
  const y = now.getMonth() === 0 ? now.getFullYear() - 1 : now.getFullYear();
  const m = now.getMonth() === 0 ? 12 : now.getMonth();
  return {
    kind: 'month',
    month: `${y}-${pad(m)}`,
    year: String(y),
    quarter: String(Math.ceil(m / 3)) as PeriodChoice['quarter'],
    from: '',
    to: '',
  };
}

/** The pickers for a key from the URL ('2026-11', '2026-Q4', '2026-10-01..2026-11-15'); last month otherwise. */
export function periodChoiceOf(key: string | undefined, now: Date): PeriodChoice {
  const base = previousMonth(now);
  if (!key) return base;
  if (/^\d{4}-\d{2}$/.test(key)) return { ...base, kind: 'month', month: key };
  const q = /^(\d{4})-Q([1-4])$/i.exec(key);
  if (q) return { ...base, kind: 'quarter', year: q[1], quarter: q[2] as PeriodChoice['quarter'] };
  const c = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(key);
  if (c) return { ...base, kind: 'custom', from: c[1], to: c[2] };
  return base;
}

/** The API's key, or null while a custom range is incomplete. */
export function periodKey(choice: PeriodChoice): string | null {
  if (choice.kind === 'month') return /^\d{4}-\d{2}$/.test(choice.month) ? choice.month : null;
  if (choice.kind === 'quarter') return `${choice.year}-Q${choice.quarter}`;
  return choice.from && choice.to ? `${choice.from}..${choice.to}` : null;
}
