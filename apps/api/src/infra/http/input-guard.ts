import type { ApiErrorDto } from '@duban/domain';

/** A NUL byte (PostgreSQL text cannot hold it) or a UTF-16 surrogate without its pair. */
const UNSTORABLE = /\u0000|\p{Surrogate}/u; // eslint-disable-line no-control-regex

const DEPTH_LIMIT = 32;

/** The path of the first string that cannot be stored (`body.text`, `query.q`), or null. */
export function findUnstorableText(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : null;
  if (depth > DEPTH_LIMIT || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if (UNSTORABLE.test(key)) return `${path}.${key}`;
    const found = findUnstorableText(child, `${path}.${key}`, depth + 1);
    if (found) return found;
  }
  return null;
}

export function unstorableTextError(field: string): ApiErrorDto {
  return {
    statusCode: 400,
    code: 'INPUT_UNSTORABLE_CHARACTER',
    message: '提交的内容包含无法保存的字符（空字符 NUL 或残缺的 Unicode 字符），请删除后重试。',
    details: { field },
  };
}
