import { oneTimePassword } from './one-time-password';
import { departmentUsernameStem, uniqueUsername } from './seed-usernames';

describe(departmentUsernameStem.name, () => {
  it.each([
    ['国家发展和改革委员会', 'fgw'],
    ['工业和信息化部', 'gxb'],
    ['财政部', 'czb'],
    ['杭州市商务局', 'hzsswj'],
  ])('%s → %s', (name, stem) => {
    expect(departmentUsernameStem(name)).toBe(stem);
  });
});

describe(uniqueUsername.name, () => {
  it('adds 2, 3 … to a taken stem', () => {
    const taken = new Set(['swb']);
    expect([
      uniqueUsername('swb', taken),
      uniqueUsername('swb', taken),
      uniqueUsername('czb', taken),
    ]).toEqual(['swb2', 'swb3', 'czb']);
  });
});

describe(oneTimePassword.name, () => {
  it('is 14 unambiguous characters in groups of four, different every time', () => {
    const passwords = Array.from({ length: 200 }, () => oneTimePassword());
    for (const p of passwords)
      expect(p).toMatch(
        /^[a-km-np-zA-HJ-NP-Z2-9]{4}(-[a-km-np-zA-HJ-NP-Z2-9]{4}){2}-[a-km-np-zA-HJ-NP-Z2-9]{2}$/,
      );
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});
