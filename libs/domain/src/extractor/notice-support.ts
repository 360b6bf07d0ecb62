import { ROLE_WORD } from './roles';
/**
 * The supporting side of a notice paragraph (notice.ts): the words and shapes by which a party's duty is to support
 * another's (配合, 协同, 通力协作), so it takes part instead of leading.
 */

/** A role collective or verb naming the supporting side (`各配合单位`, `协同责任单位`). */
export const SUPPORTING = /参与|配合|协办|协同|协作/u;
export const SUPPORT_VERB =
  /^[^。；，]{0,12}(?:积极配合|主动配合|配合|协同|主动作为)|^(?:全力|积极|大力)支持(?=[、，。；]|$)/u;
/** `条线部门要主动融合…，全力配合、协同推进`: the sentence's own duty is to support, in a later clause. */
export const SUPPORT_CLAUSE = /[，、](?:全力|积极|主动|密切)配合(?:[、，。；]|$|牵头(?:单位|部门))/u;
/** `市交通、公安、安监等部门要通力协作、密切配合。`: a list whose whole duty is to support takes part, however long. */
export const SUPPORT_WORDS = '(?:通力协作|密切配合|积极配合|主动配合|全力配合|协同配合)';
export const SUPPORT_ONLY = new RegExp(`^${SUPPORT_WORDS}(?:[、，]${SUPPORT_WORDS})*(?:[。；]|$)`, 'u');
export const SUPPORT_LIST = new RegExp(
  `^(?:同时|此外|另外|并)?((?:[\\u4e00-\\u9fff]{1,6}、){1,12}[\\u4e00-\\u9fff]{1,6})等(?:有关|相关)?部门(?:要|应)${SUPPORT_WORDS}(?:[、，]${SUPPORT_WORDS})*(?:[。；]|$)`,
  'u',
);
/** `相关部门和辖区政府要密切配合，主动服务`: two sides whose own duty opens on supporting take part. */
export const PAIR_SUPPORT = /^(?:密切|积极|主动|全力)配合/u;
/** The second half of `各牵头单位和责任单位`: a role word sharing the first one's 各, one collective with it. */
export const ROLE_AFTER_ROLE = new RegExp(`^${ROLE_WORD}$`, 'u');
/**
 * `区市场监督管理局牵头，卫健、教体、民政等行业主管部门密切配合`: sectors written short, closed by a class of departments,
 * supporting the lead (a district meeting's order). The sectors take part as written; the closing class joins them only
 * as an open collective (`等相关部门`), a class of its own (`等行业主管部门`) only closes the list.
 */
const JOINED_SECTORS = new RegExp(
  `(?:牵头|负责)，((?:[\\u4e00-\\u9fff]{2,4}、){1,8}[\\u4e00-\\u9fff]{2,4})等([\\u4e00-\\u9fff]{0,6}(?:部门|单位))(?:要|应)?(?:积极|密切|全力|主动)?(?:配合|参与|参加|协助)(?=[，。；]|$)`,
  'u',
);

/** The sectors supporting the lead's clause, and the open collective after them; null when the sentence has none. */
export function joinedSectors(text: string): string[] | null {
  const found = JOINED_SECTORS.exec(text);
  if (!found) return null;
  const rest = found[2] ?? '';
  return [...(found[1] ?? '').split('、'), ...(/^(?:有关|相关)(?:部门|单位)$/u.test(rest) ? [rest] : [])];
}
