/**
 * class-transformer `@Transform` functions for query strings, which arrive as text: they convert only
 * well-formed values and leave anything else as it came, so the validators reject it with a 400.
 */

export const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;

export const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;
