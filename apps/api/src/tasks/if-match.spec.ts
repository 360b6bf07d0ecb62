import { describe, expect, it } from 'vitest';
import { ValidationError } from '../infra/http/domain-error';
import { expectedVersion } from './if-match';

describe(expectedVersion.name, () => {
  it.each([
    ['3', 3],
    ['"3"', 3],
    ['W/"12"', 12],
    [' 7 ', 7],
  ])('reads If-Match %j as version %i', (header, version) => {
    expect(expectedVersion(header, undefined)).toBe(version);
  });

  it('treats a missing header, an empty one and * as "no expectation"', () => {
    expect(expectedVersion(undefined, undefined)).toBeUndefined();
    expect(expectedVersion('', undefined)).toBeUndefined();
    expect(expectedVersion('*', undefined)).toBeUndefined();
  });

  it('falls back to the version in the body', () => {
    expect(expectedVersion(undefined, 4)).toBe(4);
    expect(expectedVersion('"4"', 4)).toBe(4);
  });

  it('rejects a malformed header and a header that contradicts the body', () => {
    expect(() => expectedVersion('abc', undefined)).toThrow(ValidationError);
    expect(() => expectedVersion('"1", "2"', undefined)).toThrow(ValidationError);
    expect(() => expectedVersion('"3"', 4)).toThrow(/不一致/);
  });
});
