import type { DepartmentDto } from '@duban/domain/contract';
import { aDepartment } from '../../../testing/fixtures';
import { mergeTargets, parseAliases } from './departments.api';

const unit = (id: string, over: Partial<DepartmentDto> = {}): DepartmentDto => aDepartment({ id, ...over });

describe('parseAliases', () => {
  it('splits on 、 , ， ； and new lines, trims and drops repeats', () => {
    expect(parseAliases(' 市发改委、市发展改革委，市发改委\n 发改委 ;')).toEqual([
      '市发改委',
      '市发展改革委',
      '发改委',
    ]);
    expect(parseAliases('   ')).toEqual([]);
  });
});

describe('mergeTargets', () => {
  it('offers neither the unit itself, nor collective parties, nor units already merged', () => {
    const all = [
      unit('a'),
      unit('b'),
      unit('各有关部门', { kind: 'collective', collective: true }),
      unit('各地区', { kind: 'local', collective: true }),
      unit('old', { successor: { id: 'b', name: 'b' } }),
    ];
    expect(mergeTargets(all, all[0]).map((d) => d.id)).toEqual(['b']);
  });
});
