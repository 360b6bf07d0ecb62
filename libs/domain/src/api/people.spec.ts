import { describe, expect, it } from 'vitest';
import { displayNameProblem, emailProblem, personRoleLabel, phoneProblem, usernameProblem } from './people';

describe(usernameProblem.name, () => {
  it.each(['fgw', 'zhang.wei', 'li_na-2', 'a1'])('accepts %j', (name) => {
    expect(usernameProblem(name)).toBeNull();
  });

  it.each([
    ['', '请填写'],
    ['a', '2–32'],
    ['x'.repeat(33), '2–32'],
    ['Zhang', '小写'],
    ['张伟', '小写'],
    ['.hidden', '开头'],
    ['with space', '小写'],
  ])('refuses %j', (name, reason) => {
    expect(usernameProblem(name)).toContain(reason);
  });
});

describe('contact rules', () => {
  it('checks e-mail addresses, empty meaning none', () => {
    expect(emailProblem('')).toBeNull();
    expect(emailProblem('zhang.wei@example.gov.cn')).toBeNull();
    expect(emailProblem('zhang.wei@')).toContain('格式不正确');
    expect(emailProblem('a b@example.cn')).toContain('格式不正确');
    expect(emailProblem('a@example.cn\u0000')).toContain('格式不正确');
  });

  it('checks phone numbers, mobile or landline', () => {
    expect(phoneProblem('')).toBeNull();
    expect(phoneProblem('13800138000')).toBeNull();
    expect(phoneProblem('010-12345678')).toBeNull();
    expect(phoneProblem('+86 138 0013 8000')).toBeNull();
    expect(phoneProblem('call me')).toContain('格式不正确');
    expect(phoneProblem('12')).toContain('格式不正确');
  });

  it('checks display names', () => {
    expect(displayNameProblem('张伟')).toBeNull();
    expect(displayNameProblem('  ')).toContain('请填写');
    expect(displayNameProblem('张\u0000伟')).toContain('控制字符');
    expect(displayNameProblem('长'.repeat(65))).toContain('64');
  });

  it('names a department head apart from an officer', () => {
    expect(personRoleLabel('officer', true)).toBe('部门负责人');
    expect(personRoleLabel('officer', false)).toBe('部门经办人');
    expect(personRoleLabel('supervisor', false)).toBe('督查室');
  });
});
