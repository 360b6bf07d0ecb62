import { isIP } from 'node:net';

/** The environment as read: names to raw values. */
export type Env = Record<string, string | undefined>;

/** A problem with one variable: collected, then all reported together. */
export class ConfigError extends Error {}

export function str(env: Env, key: string, fallback?: string): string {
  const value = env[key]?.trim();
  if (value) return value;
  if (fallback !== undefined) return fallback;
  throw new ConfigError(`${key} is required (see .env.example)`);
}

export function int(env: Env, key: string, fallback: number, min = 0): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < min) {
    throw new ConfigError(`${key} must be an integer ≥ ${min}, got "${raw}"`);
  }
  return Number(raw);
}

/** A finite number (may be negative or fractional), at least `min`. */
export function num(env: Env, key: string, fallback: number, min = -Infinity): number {
  const raw = env[key]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min)
    throw new ConfigError(`${key} must be a number ≥ ${min}, got "${raw}"`);
  return value;
}

export function bool(env: Env, key: string, fallback: boolean): boolean {
  const raw = env[key]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

export function url(env: Env, key: string, fallback: string, protocols: string[]): string {
  const value = str(env, key, fallback);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new ConfigError(`${key} is not a valid URL: "${value}"`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${key} must use ${protocols.join(' or ')}, got "${parsed.protocol}"`);
  }
  return value;
}

/** A comma-separated list of IP addresses or CIDRs (an address alone is a /32 or /128). */
export function parseCidrList(key: string, raw: string | undefined): string[] {
  const entries = (raw ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const badBits = bits !== undefined && (!/^\d+$/.test(bits) || Number(bits) > maxBits);
    if (family === 0 || badBits || extra !== undefined) {
      throw new ConfigError(`${key} must list IP addresses or CIDRs (comma-separated), got "${entry}"`);
    }
  }
  return entries;
}

/** Runs one reader; a ConfigError is recorded and the fallback used, so every problem is reported at once. */
export type Attempt = <T>(read: () => T, fallback: T) => T;

export function attemptInto(errors: string[]): Attempt {
  return <T>(read: () => T, fallback: T): T => {
    try {
      return read();
    } catch (error) {
      if (error instanceof ConfigError) {
        errors.push(error.message);
        return fallback;
      }
      throw error;
    }
  };
}
