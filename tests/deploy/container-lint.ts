/**
 * Structural checks of docker-compose.yml and the Dockerfile, for machines without a Docker engine
 * (CI here): `docker compose config` and `docker build` remain the real validation where one exists.
 * Each rule returns a readable problem; tests/deploy/container-lint.spec.ts breaks every rule once.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Mapping = Record<string, Json>;

const isMapping = (value: unknown): value is Mapping =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Scalars as text; anything else as JSON (never "[object Object]"). */
const asText = (value: Json | undefined): string =>
  typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value);

/** Names that hold credentials: their values come from an env file or `${…}`, never the YAML itself. */
const SECRET_NAME = /(PASSWORD|SECRET|TOKEN|ACCESS_KEY|PRIVATE_KEY|API_KEY)/i;
const INTERPOLATED = /^\$\{[A-Za-z_][A-Za-z0-9_]*(:?[-?][^}]*)?\}$/;
/** `scheme://user:password@host` with a literal password. */
const URL_WITH_PASSWORD = /:\/\/[^/:@\s]+:(?!\$\{)[^@\s]+@/;
const DEPENDS_CONDITIONS = ['service_started', 'service_healthy', 'service_completed_successfully'];

function imageTagProblem(image: string): string | null {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSegment = withoutDigest.split('/').at(-1) ?? '';
  if (!lastSegment.includes(':') && !image.includes('@'))
    return `image "${image}" has no tag (pin a version)`;
  if (/:latest$/.test(withoutDigest)) return `image "${image}" uses the floating tag latest (pin a version)`;
  return null;
}

function environmentEntries(environment: Json | undefined): [string, string | null][] {
  if (Array.isArray(environment)) {
    return environment.map((entry) => {
      const entryText = asText(entry);
      const eq = entryText.indexOf('=');
      return eq < 0 ? [entryText, null] : [entryText.slice(0, eq), entryText.slice(eq + 1)];
    });
  }
  if (isMapping(environment)) {
    return Object.entries(environment).map(([k, v]) => [k, v === null ? null : asText(v)]);
  }
  return [];
}

function hasHealthcheck(service: Mapping): boolean {
  const healthcheck = service['healthcheck'];
  return isMapping(healthcheck) && healthcheck['disable'] !== true && Array.isArray(healthcheck['test']);
}

function commandText(command: Json | undefined): string {
  return Array.isArray(command) ? command.map(asText).join(' ') : typeof command === 'string' ? command : '';
}

/** Problems of a compose file (empty when it passes). `root` resolves bind-mounted files. */
export function lintCompose(text: string, root: string): string[] {
  const problems: string[] = [];
  let document: unknown;
  try {
    document = parse(text, { merge: true });
  } catch (error) {
    return [`not valid YAML: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (!isMapping(document) || !isMapping(document['services'])) return ['no services mapping'];
  const services = document['services'];
  const volumes = isMapping(document['volumes']) ? Object.keys(document['volumes']) : [];
  const networks = isMapping(document['networks']) ? Object.keys(document['networks']) : [];
  const oneShot = new Set<string>();
  for (const service of Object.values(services)) {
    if (!isMapping(service) || !isMapping(service['depends_on'])) continue;
    for (const [name, dependency] of Object.entries(service['depends_on'])) {
      if (isMapping(dependency) && dependency['condition'] === 'service_completed_successfully')
        oneShot.add(name);
    }
  }

  for (const [name, service] of Object.entries(services)) {
    if (!isMapping(service)) {
      problems.push(`${name}: not a mapping`);
      continue;
    }
    const image = service['image'];
    if (typeof image !== 'string' && !service['build']) problems.push(`${name}: neither image nor build`);
    if (typeof image === 'string') {
      const problem = imageTagProblem(image);
      if (problem) problems.push(`${name}: ${problem}`);
    }

    const dependsOn = service['depends_on'];
    const dependencies = Array.isArray(dependsOn)
      ? dependsOn.map((d) => [asText(d), null] as const)
      : isMapping(dependsOn)
        ? Object.entries(dependsOn)
        : [];
    for (const [dependency, spec] of dependencies) {
      const target = services[dependency];
      if (!isMapping(target)) {
        problems.push(`${name}: depends_on names the unknown service ${dependency}`);
        continue;
      }
      const condition = isMapping(spec) ? spec['condition'] : 'service_started';
      if (typeof condition !== 'string' || !DEPENDS_CONDITIONS.includes(condition)) {
        problems.push(`${name}: depends_on ${dependency} has the unknown condition ${asText(condition)}`);
      } else if (condition === 'service_healthy' && !hasHealthcheck(target)) {
        problems.push(`${name}: waits for ${dependency} to be healthy, but ${dependency} has no healthcheck`);
      }
    }

    const healthcheck = service['healthcheck'];
    const disabled = isMapping(healthcheck) && healthcheck['disable'] === true;
    if (!hasHealthcheck(service) && !disabled && !oneShot.has(name)) {
      problems.push(
        `${name}: long-running service without a healthcheck (add one, or disable it explicitly)`,
      );
    }

    for (const [key, value] of environmentEntries(service['environment'])) {
      if (value === null || value === '') continue;
      if (SECRET_NAME.test(key) && !INTERPOLATED.test(value)) {
        problems.push(`${name}: ${key} has an inline value (put secrets in the env file)`);
      }
      if (URL_WITH_PASSWORD.test(value)) problems.push(`${name}: ${key} carries a password in a URL`);
    }

    for (const mount of Array.isArray(service['volumes']) ? service['volumes'] : []) {
      const source = asText(isMapping(mount) ? mount['source'] : mount).split(':')[0] ?? '';
      if (source.startsWith('.') || source.startsWith('/')) {
        if (source.startsWith('.') && !existsSync(join(root, source))) {
          problems.push(`${name}: bind mount ${source} does not exist`);
        }
      } else if (!volumes.includes(source)) {
        problems.push(`${name}: volume ${source} is not declared under volumes`);
      }
    }
    const serviceNetworks = service['networks'];
    for (const network of Array.isArray(serviceNetworks)
      ? serviceNetworks.map(asText)
      : isMapping(serviceNetworks)
        ? Object.keys(serviceNetworks)
        : []) {
      if (!networks.includes(network))
        problems.push(`${name}: network ${network} is not declared under networks`);
    }
  }

  const redis = services['redis'];
  const redisCommand = isMapping(redis) ? commandText(redis['command']) : '';
  if (!/--maxmemory-policy\s+noeviction/.test(redisCommand)) {
    problems.push('redis: must run with --maxmemory-policy noeviction (BullMQ jobs must never be evicted)');
  }
  if (!/--appendonly\s+yes/.test(redisCommand)) problems.push('redis: must run with --appendonly yes');
  for (const dev of ['postgres', 'redis']) {
    const service = services[dev];
    if (!isMapping(service)) problems.push(`${dev}: missing (scripts/lib.sh starts it for development)`);
    else if (service['profiles'] !== undefined) {
      problems.push(`${dev}: must not be in a profile (scripts/lib.sh runs \`docker compose up -d ${dev}\`)`);
    }
  }
  return problems;
}

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/** Instructions with continuation lines joined and comments dropped. */
export function parseDockerfile(text: string): Instruction[] {
  const instructions: Instruction[] = [];
  let buffer = '';
  let start = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (!buffer && (line === '' || line.startsWith('#'))) return;
    if (buffer && line.startsWith('#')) return;
    if (!buffer) start = index + 1;
    buffer += (buffer ? ' ' : '') + line.replace(/\\$/, '').trim();
    if (line.endsWith('\\')) return;
    const [keyword = '', ...rest] = buffer.split(/\s+/);
    instructions.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: start });
    buffer = '';
  });
  return instructions;
}

/** Problems of a Dockerfile (empty when it passes); `dockerignore` is the .dockerignore text or null. */
export function lintDockerfile(text: string, dockerignore: string | null): string[] {
  const problems: string[] = [];
  const instructions = parseDockerfile(text);
  const froms = instructions.filter((i) => i.keyword === 'FROM');
  if (froms.length < 2)
    problems.push('not multi-stage: build in one stage, copy the output into a slim runtime stage');
  for (const from of froms) {
    const image = from.args.split(/\s+/).find((part) => !part.startsWith('--')) ?? '';
    const stageNames = froms.map((f) => /\bAS\s+(\S+)/i.exec(f.args)?.[1]);
    if (stageNames.includes(image)) continue;
    const problem = imageTagProblem(image);
    if (problem) problems.push(`line ${from.line}: ${problem}`);
  }
  const lastFrom = froms.at(-1);
  const runtime = lastFrom ? instructions.slice(instructions.indexOf(lastFrom)) : instructions;
  const user = runtime.filter((i) => i.keyword === 'USER').at(-1);
  if (!user) problems.push('the runtime stage runs as root: add USER with a non-root account');
  else if (/^(root|0)(:|$)/.test(user.args.trim()))
    problems.push(`line ${user.line}: USER ${user.args} is root`);
  if (!runtime.some((i) => i.keyword === 'HEALTHCHECK' && !/^NONE\b/i.test(i.args))) {
    problems.push('the runtime stage has no HEALTHCHECK');
  }
  const cmd = runtime.filter((i) => i.keyword === 'CMD').at(-1);
  if (!cmd) problems.push('the runtime stage has no CMD');
  else if (!cmd.args.startsWith('['))
    problems.push(`line ${cmd.line}: CMD in shell form (use the exec form, for signals)`);
  for (const instruction of instructions) {
    if (instruction.keyword === 'ENV' || instruction.keyword === 'ARG') {
      for (const match of instruction.args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)=("[^"]*"|\S+)/g)) {
        if (SECRET_NAME.test(match[1] ?? '')) {
          problems.push(
            `line ${instruction.line}: ${instruction.keyword} ${match[1]} bakes a secret into the image`,
          );
        }
      }
    }
    if (
      (instruction.keyword === 'COPY' || instruction.keyword === 'ADD') &&
      /(^|\s)\.env(\s|$)/.test(instruction.args)
    ) {
      problems.push(`line ${instruction.line}: copies .env into the image`);
    }
    if (instruction.keyword === 'RUN' && /apt-get install/.test(instruction.args)) {
      if (!/--no-install-recommends/.test(instruction.args)) {
        problems.push(`line ${instruction.line}: apt-get install without --no-install-recommends`);
      }
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(instruction.args)) {
        problems.push(`line ${instruction.line}: apt lists not removed in the same RUN`);
      }
    }
  }
  if (dockerignore === null)
    problems.push('no .dockerignore: the build context would include .env and node_modules');
  else {
    const entries = dockerignore.split('\n').map((l) => l.trim());
    for (const required of ['.env', 'node_modules']) {
      if (!entries.includes(required)) problems.push(`.dockerignore does not exclude ${required}`);
    }
  }
  return problems;
}
