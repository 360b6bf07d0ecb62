import { HANDED_DOWN } from './roles';

// The issuer's own follow-up in a local notice (notice.ts): its government, supervising office or general office
// announcing what it will do about the duties of others.

/** The level's own government announcing its follow-up (区政府将加大督查问责力度). */
const OWN_GOVERNMENT = /^[省市县区](?:人民)?政府$/u;
/**
 * In the supervising office's own notice (a 督查通知单 or 督察通报), the office announcing its follow-up (`区政府督查室将
 * 对存在的问题跟踪督查`) beside the holders of the duty takes part; in a government's notice it is a separate office with
 * its own duty (LABELLING §2, dev hyq-2019).
 */
const OWN_SUPERVISOR = /^[省市县区](?:人民)?政府(?:政务)?督查室$/u;

/**
 * In a notice the government's office issues itself (区人民政府办公室关于印发…), the office announcing its follow-up
 * (`区政府办公室将定期跟踪督办`) is the issuer's own follow-up; under a government's notice it is a separate office.
 */
const OWN_OFFICE = /^[省市县区](?:人民)?政府办公(?:室|厅)$/u;

/**
 * A department's own office written from inside (`局政务公开办将继续加强协调督办`, `局办公室将适时通报`, `委督查室将…`): in the
 * department's notice to its offices and units it announces the issuer's follow-up beside their duties.
 */
const OWN_DEPARTMENT_OFFICE = /^[局委厅](?:办公室|督查室|[\u4e00-\u9fff]{2,6}办)$/u;

/** Who issued the notice, for the follow-up rules above. */
export interface NoticeIssuer {
  /** The supervising office issues the notice itself (a 督查通知单 or 督察通报). */
  bySupervisor: boolean;
  /** The government's office issues the notice (…人民政府办公室 / 办公厅). */
  byOffice: boolean;
}

export function followsUp(names: readonly string[], verb: string, issuer: NoticeIssuer): boolean {
  return (
    names.every((n) => OWN_GOVERNMENT.test(n)) ||
    (issuer.bySupervisor && verb === '将' && names.every((n) => OWN_SUPERVISOR.test(n))) ||
    (issuer.byOffice && verb === '将' && names.every((n) => OWN_OFFICE.test(n))) ||
    (verb === '将' && names.every((n) => OWN_DEPARTMENT_OFFICE.test(n)))
  );
}

/** `市政府将2016年政府工作任务分解为…，现下达给你们` (`m`: the subject and its verb 将): the issuer handing the tasks down. */
export function handsTasksDown(
  names: readonly string[],
  m: RegExpExecArray,
  sentence: string,
  issuer: NoticeIssuer,
): boolean {
  return (
    m[2] === '将' &&
    followsUp(names, '将', issuer) &&
    HANDED_DOWN.test(sentence.slice(m.index + m[0].length - 1))
  );
}
