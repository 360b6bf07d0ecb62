import { describe, expect, it } from 'vitest';
import { isCollectiveParty } from './collective';

describe(isCollectiveParty.name, () => {
  it.each([
    ['各有关部门', 'collective'],
    ['相关部门', 'collective'],
    ['有关部门和单位', 'collective'],
    ['各地区', 'local'],
    ['各省级人民政府', 'local'],
    ['各县（市、区）人民政府', 'local'],
    ['开发区管委会', 'local'],
    ['各区人民政府', 'ministry'],
    ['国务院防范和处置非法集资领导小组', 'collective'],
  ] as const)('%s (%s) is collective', (name, kind) => {
    expect(isCollectiveParty(name, kind)).toBe(true);
  });

  it.each([
    ['国家发展和改革委员会', 'ministry'],
    ['商务部', 'ministry'],
    ['杭州市发展和改革委员会', 'local'],
    ['北京市人民政府', 'local'],
    ['市商务局', 'local'],
  ] as const)('%s (%s) is a real unit', (name, kind) => {
    expect(isCollectiveParty(name, kind)).toBe(false);
  });
});
