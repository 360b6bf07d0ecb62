import { resolve } from 'node:path';
import type { AppConfig } from './app-config.schema';
import { bool, ConfigError, int, str, url, type Attempt, type Env } from './env-readers';

function storageKind(env: Env): 'disk' | 's3' {
  const raw = str(env, 'EVIDENCE_STORAGE', 'disk').toLowerCase();
  if (raw !== 'disk' && raw !== 's3')
    throw new ConfigError(`EVIDENCE_STORAGE must be disk or s3, got "${raw}"`);
  return raw;
}

export type FileSections = Pick<AppConfig, 'evidence' | 'import' | 'app' | 'seed' | 'web'>;

/** Evidence storage and quotas, imports, the public base URL, the seed's credentials file, the web build. */
export function parseFileSections(env: Env, attempt: Attempt): FileSections {
  return {
    evidence: {
      dir: resolve(attempt(() => str(env, 'EVIDENCE_DIR', 'var/evidence'), 'var/evidence')),
      storage: attempt(() => storageKind(env), 'disk'),
      s3: {
        endpoint: env['S3_ENDPOINT']?.trim()
          ? attempt(() => url(env, 'S3_ENDPOINT', '', ['http:', 'https:']), null)
          : null,
        bucket: attempt(
          () => (storageKind(env) === 's3' ? str(env, 'S3_BUCKET') : str(env, 'S3_BUCKET', 'duban-evidence')),
          'duban-evidence',
        ),
        region: str(env, 'S3_REGION', 'us-east-1'),
        accessKeyId: env['S3_ACCESS_KEY_ID']?.trim() || null,
        secretAccessKey: env['S3_SECRET_ACCESS_KEY']?.trim() || null,
        forcePathStyle: attempt(() => bool(env, 'S3_FORCE_PATH_STYLE', false), false),
      },
      maxBytes: attempt(() => int(env, 'EVIDENCE_MAX_BYTES', 20 * 1024 * 1024, 1), 20 * 1024 * 1024),
      taskQuotaBytes: attempt(
        () => int(env, 'EVIDENCE_TASK_QUOTA_BYTES', 200 * 1024 * 1024, 1),
        200 * 1024 * 1024,
      ),
      departmentQuotaBytes: attempt(
        () => int(env, 'EVIDENCE_DEPARTMENT_QUOTA_BYTES', 5 * 1024 ** 3, 1),
        5 * 1024 ** 3,
      ),
    },
    import: {
      maxBytes: attempt(() => int(env, 'IMPORT_MAX_BYTES', 10 * 1024 * 1024, 1), 10 * 1024 * 1024),
      previewTtlMinutes: attempt(() => int(env, 'IMPORT_PREVIEW_TTL_MINUTES', 60, 1), 60),
      threads: attempt(() => int(env, 'IMPORT_THREADS', 1, 1), 1),
    },
    app: {
      baseUrl: attempt(() => url(env, 'APP_BASE_URL', 'http://localhost:3000', ['http:', 'https:']), ''),
    },
    seed: {
      credentialsFile: resolve(
        attempt(
          () => str(env, 'SEED_CREDENTIALS_FILE', 'var/initial-passwords.txt'),
          'var/initial-passwords.txt',
        ),
      ),
    },
    web: { distDir: resolve(attempt(() => str(env, 'WEB_DIST_DIR', 'dist/apps/web/browser'), '')) },
  };
}
