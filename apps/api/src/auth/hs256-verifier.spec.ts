import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { describe, expect, it } from 'vitest';
import { Hs256Verifier, TokenRejectedError, type TokenRejection } from './hs256-verifier';

const SECRET = 'unit-test-secret';
const NOW = Date.UTC(2026, 0, 15, 8, 0, 0);

function sign(payload: object, options: jwt.SignOptions = {}, secret = SECRET): string {
  return jwt.sign(payload, secret, { algorithm: 'HS256', ...options });
}

function rejection(verifier: Hs256Verifier, token: string): TokenRejection | 'accepted' {
  try {
    verifier.verify(token);
    return 'accepted';
  } catch (error) {
    if (error instanceof TokenRejectedError) return error.reason;
    throw error;
  }
}

const b64 = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('Hs256Verifier', () => {
  const verifier = new Hs256Verifier(SECRET, () => NOW);
  const iat = Math.floor(NOW / 1000) - 60;

  it('accepts what jsonwebtoken signs and returns the payload', () => {
    const token = sign({ sub: 'u1', role: 'officer', iat, exp: iat + 3600 });
    expect(verifier.verify(token)).toMatchObject({ sub: 'u1', role: 'officer', exp: iat + 3600 });
  });

  it('refuses another secret and a tampered payload', () => {
    expect(rejection(verifier, sign({ sub: 'u1', iat, exp: iat + 3600 }, {}, 'other-secret'))).toBe(
      'signature',
    );
    const [header, , signature] = sign({ sub: 'u1', role: 'officer', iat, exp: iat + 3600 }).split('.');
    const forged = `${header}.${b64({ sub: 'u1', role: 'admin', iat, exp: iat + 3600 })}.${signature}`;
    expect(rejection(verifier, forged)).toBe('signature');
  });

  it('refuses alg none and other algorithms even when the HMAC matches', () => {
    const payload = b64({ sub: 'u1', iat, exp: iat + 3600 });
    expect(rejection(verifier, `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`)).toBe('algorithm');
    const hs512 = b64({ alg: 'HS512', typ: 'JWT' });
    const mac = createHmac('sha256', SECRET).update(`${hs512}.${payload}`).digest('base64url');
    expect(rejection(verifier, `${hs512}.${payload}.${mac}`)).toBe('algorithm');
    expect(rejection(verifier, sign({ sub: 'u1', iat, exp: iat + 3600 }, { algorithm: 'HS512' }))).toBe(
      'algorithm',
    );
  });

  it('refuses expired tokens (from the exp second on) and tokens without exp', () => {
    const nowSeconds = Math.floor(NOW / 1000);
    expect(rejection(verifier, sign({ sub: 'u1', iat, exp: nowSeconds }))).toBe('expired');
    expect(rejection(verifier, sign({ sub: 'u1', iat, exp: nowSeconds + 1 }))).toBe('accepted');
    expect(rejection(verifier, sign({ sub: 'u1', iat }))).toBe('expired');
  });

  it('honours nbf', () => {
    const nowSeconds = Math.floor(NOW / 1000);
    expect(rejection(verifier, sign({ sub: 'u1', iat, nbf: nowSeconds + 10, exp: nowSeconds + 100 }))).toBe(
      'not_yet_valid',
    );
  });

  it('refuses malformed tokens', () => {
    for (const token of ['', 'a.b', 'not.a.token', `${b64({ alg: 'HS256' })}.bm90anNvbg.x`, 'a.b.c.d']) {
      expect(rejection(verifier, token)).toBe('malformed');
    }
  });
});
