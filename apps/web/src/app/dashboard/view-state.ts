import type { RateSort, RateSortKey } from './ui/rates-table';

const SORT_KEYS: RateSortKey[] = ['name', 'total', 'overdue', 'overdueRate', 'onTimeRate'];

/** `?sort=overdueRate.desc` → a sort; anything else → the default (highest 逾期率 first). */
export function parseRateSort(value: string | undefined): RateSort {
  const [key, dir] = (value ?? '').split('.');
  const k = SORT_KEYS.find((s) => s === key);
  return k ? { key: k, dir: dir === 'asc' ? 'asc' : 'desc' } : { key: 'overdueRate', dir: 'desc' };
}
