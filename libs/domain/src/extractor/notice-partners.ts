// The supporting parties of a local notice's duty sentence (notice.ts): the role collectives a lead coordinates or
// keeps in touch with, and a supporting party in a later clause of the lead's sentence.

/** A party of the supporting side: `其他责任单位`, `各配合单位`, or a role collective by name (`配合单位`). */
const SUPPORT_PARTY =
  '(?:其他|各参与|各配合)[\\u4e00-\\u9fff（）()]{0,8}?(?:单位|部门)|(?:各|相关)?(?:参与|配合|责任|协同|协作)(?:责任)?单位';
/**
 * `充分协调其他责任单位`, `各牵头单位要会同责任单位`, `组织参与单位`, `组织有关科室细化任务分工`: the coordinated parties support
 * the lead.
 */
export const COORDINATED = new RegExp(
  `(?:协调|会同|联合|统筹|组织)(${SUPPORT_PARTY})|组织((?:有关|相关)(?:部门|处室|科室|股室))`,
  'u',
);
/** `各责任单位要加强与牵头单位沟通联系`: the role collective a duty holder must keep in touch with takes part. */
export const COUNTERPART = new RegExp(
  `与((?:各|相关)?牵头(?:单位|部门)|${SUPPORT_PARTY})的?(?:沟通|联系|衔接|对接|协调|协作)`,
  'u',
);
/** `…，其他责任单位要积极配合`: a supporting party in a later clause of the lead's sentence. */
export const SUPPORTING_CLAUSE = new RegExp(`，(${SUPPORT_PARTY})(?:要|应)?[^，。；]{0,10}配合`, 'u');
