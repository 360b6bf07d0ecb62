import type { DepartmentEntity } from './department.entity';
import { DepartmentDirectory, guessKind } from './departments.service';

const unit = (
  id: string,
  name: string,
  aliases: string[] = [],
  successorId: string | null = null,
): DepartmentEntity => ({ id, name, aliases, successorId, slug: id, kind: 'ministry' }) as DepartmentEntity;

describe(DepartmentDirectory.name, () => {
  const sut = new DepartmentDirectory([
    unit('1', '国家发展和改革委员会', ['国家发展改革委', '发展改革委']),
    unit('2', '国家卫生和计划生育委员会', ['卫生计生委'], '3'),
    unit('3', '国家卫生健康委员会', ['卫生健康委']),
  ]);

  it('finds a unit by canonical name or alias', () => {
    expect(sut.find('国家发展和改革委员会')?.id).toBe('1');
    expect(sut.find('发展改革委')?.id).toBe('1');
  });

  it('follows a reorganisation to the successor', () => {
    expect(sut.find('卫生计生委')?.id).toBe('3');
  });

  it('returns null for a name nobody answers to, until it is added', () => {
    expect(sut.find('国家数字档案局')).toBeNull();
    sut.add(unit('4', '国家数字档案局'));
    expect(sut.find('国家数字档案局')?.id).toBe('4');
  });
});

describe(guessKind.name, () => {
  it.each([
    ['国务院防范和处置非法集资领导小组', 'collective'],
    ['北京市人民政府', 'local'],
    ['国家数字档案局', 'ministry'],
  ] as const)('%s → %s', (name, kind) => {
    expect(guessKind(name)).toBe(kind);
  });
});
