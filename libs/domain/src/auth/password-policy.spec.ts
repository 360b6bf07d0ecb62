import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH, passwordProblem } from './password-policy';

describe(passwordProblem.name, () => {
  const ctx = { username: 'fgw', current: 'Old-password-1' };

  it('accepts a long password with two character classes', () => {
    expect(passwordProblem('river-stone-42', ctx)).toBeNull();
    expect(passwordProblem('长江黄河2026年春', ctx)).toBeNull();
  });

  it.each([
    ['short1', `至少需要 ${MIN_PASSWORD_LENGTH} 个字符`],
    ['Old-password-1', '不能与当前密码相同'],
    ['my-fgw-password-1', '不能包含用户名'],
    ['1234567890', '过于简单'],
    ['aaaaaaaaaaaa', '过于简单'],
    ['onlylowercaseletters', '至少两类'],
    ['with\u0000nul-byte-1', '控制字符'],
  ])('refuses %j', (password, reason) => {
    expect(passwordProblem(password, ctx)).toContain(reason);
  });
});
