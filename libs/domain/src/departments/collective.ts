/**
 * Collective parties (统称): names that stand for many units at once — 各有关部门, 相关部门, 各地区,
 * 各省级人民政府, 有关部门和单位. Such a party is never a department account: nobody can be its officer,
 * nothing can be merged into it, no reminder is sent to it, and a task whose only lead is collective waits
 * in the 督查室's 「待明确责任单位」 queue until a real unit is named.
 */
import { findDepartment } from './registry';
import type { DepartmentKind } from './types';

/** Names shaped like a group of units (各…, 有关…, 相关…, 地方各级…, 其他…, 试点…). */
const GROUP_SHAPE = /^(?:各|有关|相关|地方各级|其他|试点|综合医改试点)/u;

/**
 * True when `name` (of a unit of `kind`) is a collective party:
 * - the kind is `collective` (the registry's 各有关部门 …, or an admin's choice);
 * - the registry lists it as a `local` record: those are all generic groups (各地区, 各省级人民政府,
 *   各县（市、区）人民政府, 开发区管委会), never one place's own unit;
 * - its name reads as a group (各…, 有关…, 相关…).
 * A real local unit (杭州市发展和改革委员会, 北京市人民政府) is not collective.
 */
export function isCollectiveParty(name: string, kind: DepartmentKind): boolean {
  if (kind === 'collective') return true;
  if (GROUP_SHAPE.test(name)) return true;
  return findDepartment(name)?.kind === 'local';
}
