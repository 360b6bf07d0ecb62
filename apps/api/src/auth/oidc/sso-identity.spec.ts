import { describe, expect, it } from 'vitest';
import { ssoIdentity } from './sso-identity';

const CLAIMS = {
  usernameClaim: 'preferred_username',
  displayNameClaim: 'name',
  departmentClaim: 'department',
  roleClaim: 'duban_role',
};

describe(ssoIdentity.name, () => {
  it('maps the configured claims, keyed by issuer and subject', () => {
    expect(
      ssoIdentity(
        'https://idp.example.gov.cn',
        {
          sub: 'u-42',
          preferred_username: 'Wang.Li',
          name: '王丽',
          email: 'wangli@example.gov.cn',
          department: '商务部',
          duban_role: 'supervisor',
        },
        CLAIMS,
      ),
    ).toEqual({
      subject: 'https://idp.example.gov.cn|u-42',
      username: 'wang.li',
      displayName: '王丽',
      email: 'wangli@example.gov.cn',
      department: '商务部',
      role: 'supervisor',
    });
  });

  it('never grants admin and drops unusable values', () => {
    const identity = ssoIdentity(
      'https://idp',
      { sub: 's', preferred_username: '王 丽', name: 'a\u0000b', duban_role: 'admin', department: 42 },
      CLAIMS,
    );
    expect(identity).toMatchObject({ username: null, displayName: null, department: null, role: null });
  });

  it('refuses a token without a subject', () => {
    expect(() => ssoIdentity('https://idp', { preferred_username: 'x' }, CLAIMS)).toThrow();
  });
});
