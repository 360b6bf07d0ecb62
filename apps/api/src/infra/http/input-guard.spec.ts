import { toApiError } from './api-exception.filter';
import { findUnstorableText } from './input-guard';

describe(findUnstorableText.name, () => {
  it('names the first field holding a NUL byte or a lone surrogate, at any depth', () => {
    expect(findUnstorableText({ text: 'ok', items: [{ note: 'a\u0000b' }] }, 'body')).toBe(
      'body.items.0.note',
    );
    expect(findUnstorableText({ q: '督查\ud800' }, 'query')).toBe('query.q');
    expect(findUnstorableText({ ['bad\u0000key']: 1 }, 'body')).toBe('body.bad\u0000key');
  });

  it('accepts ordinary text, emoji pairs, numbers and nulls', () => {
    expect(findUnstorableText({ text: '进展顺利👍', n: 3, none: null, list: ['a'] }, 'body')).toBeNull();
    expect(findUnstorableText(undefined, 'body')).toBeNull();
  });
});

describe('toApiError for malformed input', () => {
  it('maps a cut-short multipart body and PostgreSQL data exceptions to 400', () => {
    expect(toApiError(new Error('Unexpected end of form'))).toMatchObject({
      statusCode: 400,
      code: 'UPLOAD_MALFORMED',
    });
    expect(toApiError(new Error('Multipart: Boundary not found'))).toMatchObject({ statusCode: 400 });
    const pgError = Object.assign(new Error('invalid byte sequence'), { driverError: { code: '22021' } });
    expect(toApiError(pgError)).toMatchObject({ statusCode: 400, code: 'INPUT_NOT_STORABLE' });
    const other = Object.assign(new Error('deadlock'), { driverError: { code: '40P01' } });
    expect(toApiError(other).statusCode).toBe(500);
  });
});
