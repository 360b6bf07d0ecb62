import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { describe, expect, it } from 'vitest';
import { PageParam, PageSizeParam } from './paging.decorators';

class PagedQuery {
  @PageParam()
  page?: number;
  @PageSizeParam(200, 20)
  pageSize?: number;
}

/** The query string as it arrives (text), through the transform and the validators. */
function invalidFields(query: Record<string, string>): string[] {
  return validateSync(plainToInstance(PagedQuery, query)).map((error) => error.property);
}

describe('PageParam / PageSizeParam', () => {
  it('accepts whole numbers in range, and neither', () => {
    expect(invalidFields({})).toEqual([]);
    expect(invalidFields({ page: '1', pageSize: '200' })).toEqual([]);
    expect(plainToInstance(PagedQuery, { page: '3', pageSize: '50' })).toEqual({ page: 3, pageSize: 50 });
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: 'x' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '201' }, 'pageSize'],
    [{ pageSize: '-5' }, 'pageSize'],
  ])('rejects %j', (query, field) => {
    expect(invalidFields(query)).toEqual([field]);
  });
});
