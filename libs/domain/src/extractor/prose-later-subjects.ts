// Which parties may open a later clause of a sentence (prose-sentence.ts laterSubjects): `A要加强指导，B要做好协调`.
import { isAreaTownships, isKnownDepartmentName, isLocalUnitName } from '../departments/registry';
import { isInternalUnit } from './internal-units';

/** Collectives that may open a later clause of a sentence (`…，各有关部门要…`, `…，地方各级人民政府要…`). */
const LATER_SUBJECT = /^(?:各|有关|相关|地方各级|县级以上)/u;

/** `创建办要加强督促考核`, `交通局要…`: an office or bureau by its short name (创卫办, no level written), a later subject only before 要. */
const SHORT_OFFICE = /^[\u4e00-\u9fff]{2,4}[办局委]$/u;

function isUnitName(name: string): boolean {
  return isKnownDepartmentName(name) || isLocalUnitName(name);
}

/**
 * `卫健部门要…，市场监管部门对…进行检查`: a sector's department, a later subject before its own 要 or 对…; never a share
 * of departments (`部分部门对同一企业重复检查`: a problem stated).
 */
const SECTOR_DEPARTMENT = /^(?!部分|个别|多个|少数|一些|有的|不同|其他|上级)[\u4e00-\u9fff]{2,6}部门$/u;

/** `…的，审核机构要对材料…进行审核`: an administration's body named by its function, before its own 要. */
const FUNCTIONAL_BODY = /^(?:合法性)?(?:审核|审查|执法|复议|仲裁|登记)机构$/u;

/** `…，禁塑工作专班要对…进行抽查`: a task force set up for one work (工作专班), before its own 要. */
const TASK_FORCE = /^[\u4e00-\u9fff]{2,10}工作专班$/u;

/** `…，村党总支承担巡察整改直接责任`: a grassroots party body, named like a township's 乡镇党委. */
const GRASSROOTS_PARTY_BODY = /^各?(?:乡镇|村|社区)(?:党委|党总支|党支部)$/u;

/**
 * `…，牵头部门要明确主责，配合单位要保质提效`, `…，其他责任单位要全力配合实施`: the sides of a task breakdown by their role,
 * before their own 要.
 */
const ROLE_SIDE = /^(?:其他)?(?:牵头|责任|配合|参与|协同|协办)(?:责任)?(?:单位|部门)$/u;

export function isLaterSubject(name: string, own: boolean): boolean {
  return (
    LATER_SUBJECT.test(name) ||
    GRASSROOTS_PARTY_BODY.test(name) ||
    isUnitName(name) ||
    (own &&
      (SHORT_OFFICE.test(name) ||
        SECTOR_DEPARTMENT.test(name) ||
        FUNCTIONAL_BODY.test(name) ||
        // `…，丘山区乡镇要加强水库防守`: the townships of a kind of area.
        isAreaTownships(name) ||
        TASK_FORCE.test(name) ||
        ROLE_SIDE.test(name) ||
        // `…，局机关各科室要…`: a department's own offices and units, before their own 要.
        isInternalUnit(name)))
  );
}

export const DUI = '对'.charCodeAt(0);
/** `A对所属部门、B对下级人民政府要加强指导`: a second subject paired with its own object before the shared 要. */
const PARALLEL_SUBJECT = /^对[^，。；、对]{2,16}、([^，。；、对]{2,12})对[^，。；、]{2,20}?(?:要|应)/u;

/** The second subject of `A对…、B对…要` (`rest` starts at A's 对), read by the sentence's party reader. */
export function parallelSubject<T>(rest: string, parties: (list: string) => T | null): T | null {
  const paired = PARALLEL_SUBJECT.exec(rest);
  return paired ? parties(paired[1] ?? '') : null;
}
