import { ValidationError } from '../infra/http/domain-error';

/**
 * The expected version of a write: the If-Match header (`3`, `"3"` or `W/"3"`) or `version` in the
 * body. When both are given they must agree.
 */
export function expectedVersion(
  ifMatch: string | undefined,
  bodyVersion: number | undefined,
): number | undefined {
  let header: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '' && ifMatch.trim() !== '*') {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match) {
      throw new ValidationError('VALIDATION_FAILED', 'If-Match 须为任务版本号，例如 If-Match: "3"。', {
        fields: [{ field: 'If-Match', reasons: ['not a task version'] }],
      });
    }
    header = Number(match[1]);
  }
  if (header !== undefined && bodyVersion !== undefined && header !== bodyVersion) {
    throw new ValidationError('VALIDATION_FAILED', 'If-Match 与请求体中的 version 不一致。', {
      fields: [{ field: 'version', reasons: ['differs from If-Match'] }],
    });
  }
  return header ?? bodyVersion;
}
