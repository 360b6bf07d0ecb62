import { randomBytes } from 'node:crypto';

/** Unambiguous characters (no 0/O, 1/l/I): one-time passwords are read off a sheet and typed. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/**
 * A one-time password of 14 characters (≈ 80 bits), in groups of four for reading aloud or copying:
 * `Ab3d-Ef5h-Jk7m-Np`. Rejection sampling keeps every character equally likely.
 */
export function oneTimePassword(length = 14): string {
  const out: string[] = [];
  const limit = 256 - (256 % ALPHABET.length);
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < limit && out.length < length) out.push(ALPHABET.charAt(byte % ALPHABET.length));
    }
  }
  return (out.join('').match(/.{1,4}/gu) ?? []).join('-');
}
