/**
 * The committed docker-compose.yml and Dockerfile pass the structural rules, and each rule fires on
 * a copy broken in exactly that way (so a rule that could never fail would show here).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { lintCompose, lintDockerfile } from './container-lint';

const root = resolve(__dirname, '../..');
const compose = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
const dockerignore = readFileSync(join(root, '.dockerignore'), 'utf8');

function replaced(text: string, from: string | RegExp, to: string): string {
  const out = text.replace(from, to);
  if (out === text) throw new Error(`fixture: ${String(from)} not found`);
  return out;
}

describe('docker-compose.yml', () => {
  it('passes every rule', () => {
    expect(lintCompose(compose, root)).toEqual([]);
  });

  it('has what the stack needs: two API replicas, two workers, proxy, migrate, MinIO, SMTP catcher', () => {
    for (const service of [
      'postgres',
      'redis',
      'minio',
      'minio-init',
      'migrate',
      'api-1',
      'api-2',
      'worker',
      'proxy',
      'mailpit',
    ]) {
      expect(compose).toMatch(new RegExp(`^  ${service}:$`, 'm'));
    }
    expect(compose).toMatch(/worker:[\s\S]*?replicas: 2/);
    expect(existsSync(join(root, 'deploy/Caddyfile'))).toBe(true);
    expect(readFileSync(join(root, 'deploy/Caddyfile'), 'utf8')).toMatch(
      /reverse_proxy api-1:3000 api-2:3000/,
    );
  });

  it.each([
    ['invalid YAML', (c: string) => `${c}\n  bad: [unclosed`, /not valid YAML/],
    ['a latest tag', (c: string) => replaced(c, 'caddy:2.10-alpine', 'caddy:latest'), /floating tag latest/],
    [
      'an untagged image',
      (c: string) => replaced(c, 'axllent/mailpit:v1.27', 'axllent/mailpit'),
      /has no tag/,
    ],
    [
      'depends_on an unknown service',
      (c: string) => replaced(c, '  minio-init:\n    condition', '  minio-setup:\n    condition'),
      /unknown service minio-setup/,
    ],
    [
      'waiting for health of a service without healthcheck',
      (c: string) =>
        replaced(
          c,
          /( {2}redis:\n[\s\S]*?) {4}healthcheck:\n {6}test: \['CMD', 'redis-cli', 'ping'\]\n {6}interval: 5s\n {6}retries: 10\n/,
          '$1',
        ),
      /waits for redis to be healthy, but redis has no healthcheck/,
    ],
    [
      'an inline secret',
      (c: string) =>
        replaced(
          c,
          '    NODE_ENV: production\n',
          '    NODE_ENV: production\n    JWT_SECRET: abcdefghijklmnopqrstuvwxyz0123456789\n',
        ),
      /JWT_SECRET has an inline value/,
    ],
    [
      'a password in a URL',
      (c: string) => replaced(c, 'postgres://postgres@postgres', 'postgres://postgres:hunter2@postgres'),
      /password in a URL/,
    ],
    [
      'Redis that may evict',
      (c: string) => replaced(c, "'--maxmemory-policy', 'noeviction', ", ''),
      /noeviction/,
    ],
    ['Redis without AOF', (c: string) => replaced(c, ", '--appendonly', 'yes'", ''), /appendonly/],
    [
      'an undeclared volume',
      (c: string) => replaced(c, '      - duban-minio:/data', '      - minio-data:/data'),
      /volume minio-data is not declared/,
    ],
    [
      'a missing bind-mounted file',
      (c: string) => replaced(c, './deploy/Caddyfile', './deploy/Caddyfile.missing'),
      /bind mount/,
    ],
    [
      'a long-running service without healthcheck',
      (c: string) =>
        replaced(
          c,
          /( {2}mailpit:\n[\s\S]*?) {4}healthcheck:\n {6}test: \['CMD', '\/mailpit', 'readyz'\]\n {6}interval: 10s\n {6}retries: 5\n/,
          '$1',
        ),
      /mailpit: long-running service without a healthcheck/,
    ],
    [
      'postgres moved into a profile',
      (c: string) =>
        replaced(
          c,
          '  postgres:\n    image: postgres:15.10-bookworm\n',
          "  postgres:\n    image: postgres:15.10-bookworm\n    profiles: ['stack']\n",
        ),
      /postgres: must not be in a profile/,
    ],
  ])('fails on %s', (_name, breakIt, expected) => {
    const problems = lintCompose(breakIt(compose), root);
    expect(problems.join('\n')).toMatch(expected);
  });
});

describe('Dockerfile', () => {
  it('passes every rule', () => {
    expect(lintDockerfile(dockerfile, dockerignore)).toEqual([]);
  });

  it.each([
    ['a single stage', (d: string) => d.split('# --- runtime')[1] ?? '', /not multi-stage/],
    ['a root runtime user', (d: string) => replaced(d, 'USER node', 'USER root'), /is root/],
    ['no USER', (d: string) => replaced(d, 'USER node\n', ''), /runs as root/],
    ['no HEALTHCHECK', (d: string) => replaced(d, /HEALTHCHECK[^\n]*\\\n[^\n]*\n/, ''), /no HEALTHCHECK/],
    [
      'a latest base image',
      (d: string) => replaced(d, 'FROM node:20.19-bookworm-slim AS runtime', 'FROM node:latest AS runtime'),
      /latest/,
    ],
    [
      'a baked secret',
      (d: string) => replaced(d, '    PORT=3000 \\', '    PORT=3000 \\\n    JWT_SECRET=abc \\'),
      /bakes a secret/,
    ],
    [
      'a shell-form CMD',
      (d: string) => replaced(d, 'CMD ["node", "dist/apps/api/main.js"]', 'CMD node dist/apps/api/main.js'),
      /shell form/,
    ],
    [
      'apt lists left behind',
      (d: string) =>
        replaced(
          d,
          /postgresql-client-15 tini \\\n && rm -rf \/var\/lib\/apt\/lists\/\* \\\n/,
          'postgresql-client-15 tini \\\n',
        ),
      /apt lists/,
    ],
  ])('fails on %s', (_name, breakIt, expected) => {
    expect(lintDockerfile(breakIt(dockerfile), dockerignore).join('\n')).toMatch(expected);
  });

  it('fails when .dockerignore does not keep .env out of the build context', () => {
    expect(lintDockerfile(dockerfile, dockerignore.replace(/^\.env$/m, '')).join('\n')).toMatch(
      /does not exclude \.env/,
    );
    expect(lintDockerfile(dockerfile, null).join('\n')).toMatch(/no \.dockerignore/);
  });
});
