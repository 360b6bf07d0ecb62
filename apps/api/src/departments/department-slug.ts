import { createHash } from 'node:crypto';

/** Stable short id of a department name (officer usernames are `dept-<slug>`). */
export function departmentSlug(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 8);
}
