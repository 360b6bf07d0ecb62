import { parseRateSort } from './view-state';

describe('parseRateSort', () => {
  it('reads a column and a direction from the URL', () => {
    expect(parseRateSort('onTimeRate.asc')).toEqual({ key: 'onTimeRate', dir: 'asc' });
    expect(parseRateSort('total.desc')).toEqual({ key: 'total', dir: 'desc' });
  });

  it('falls back to the highest 逾期率 first', () => {
    expect(parseRateSort(undefined)).toEqual({ key: 'overdueRate', dir: 'desc' });
    expect(parseRateSort('bogus.asc')).toEqual({ key: 'overdueRate', dir: 'desc' });
  });
});
