// Words inside or around a prose party list (prose-parties.ts) that name no party and are dropped before it is split.

/**
 * Kinds of medium (`报纸、电视、网络等媒体`): what carries a message, never a body given a duty. Only read before 等媒体 /
 * 等新闻媒体: elsewhere 广电 or 广播电视 is a sector written short (`宣传、广电等部门`).
 */
const MEDIUM_KIND = new Set([
  '报纸',
  '报刊',
  '杂志',
  '期刊',
  '电视',
  '广播',
  '电台',
  '广播电视',
  '广电',
  '网络',
  '互联网',
  '网站',
  '新闻网站',
  '门户网站',
  '新媒体',
  '自媒体',
  '融媒体',
  '网络媒体',
  '微信',
  '微博',
  '微信公众号',
  '公众号',
  '客户端',
  '短视频',
  '手机',
  '短信',
  '手机短信',
  '户外',
  '户外广告',
  '宣传栏',
  '电子屏',
  '显示屏',
  '电子显示屏',
  '报社',
  '电视台',
  '广播电台',
]);
/** `各类报刊`, `主流网站`: a qualifier of the kind, no name of an outlet. */
const KIND_QUALIFIER = /^(?:各级|各类|各|主要|重点|主流|传统|新兴|官方)/u;

function isMediumKind(item: string): boolean {
  return MEDIUM_KIND.has(item.replace(KIND_QUALIFIER, ''));
}

/**
 * The list before 等媒体 without its kinds of medium (`县融媒体中心、电视、网络` → `县融媒体中心`; a kind joined by 和/及 to
 * another, `报刊和互联网`, is dropped with it); '' when it names kinds only. The outlets named (县融媒体中心, 县电视台) stay.
 */
export function namedOutlets(list: string): string {
  const kept: string[] = [];
  for (const item of list.split('、')) {
    const pieces = item.split(/以及|和|及|与/u);
    if (!pieces.some(isMediumKind)) kept.push(item);
    else kept.push(...pieces.filter((piece) => !isMediumKind(piece)));
  }
  return kept.join('、');
}

const WORK_TOPIC = /^[\u4e00-\u9fff]{2,10}工作需/u;
/** `同时，明确市政府督查室将…`: the report designating the unit, no part of its name (the unit holds the duty). */
const DESIGNATED_BEFORE = /^(?:明确|确定|指定)(?=[省市县区][\u4e00-\u9fff]{3})/u;
/**
 * The issuer's own leaders before the units (`市政府各位领导同志及…`, `区政府各分管领导和各级各部门`); a unit's
 * `X主要负责同志` keeps X (POST_HOLDER).
 */
const LEADERS_BEFORE =
  /^(?:[省市县区](?:(?:人民)?政府)?)?(?:(?:各位|各级|各)?(?:分管)?(?:领导同志|负责同志|领导)|班子成员|(?:相关|有关)?[省市县区]级领导)(?:以及|及|和|、)(?=[\u4e00-\u9fff]{2})/u;

/** `包片单位县气象局`, `包保单位县交通局`: the unit's role in a patrolled area, written before its name. */
const AREA_ROLE_BEFORE =
  /^(?:[\u4e00-\u9fff]{0,6}沿线)?(?:包片|包保|包联|挂包|包抓|联系)单位(?=[省市县区][\u4e00-\u9fff]{2})/u;

/**
 * The units' own people after them (`A、B等部门及相关负责人`, `A等部门及其负责同志`, `各乡镇和相关工作人员`): persons, no
 * party (LABELLING §3, a duty of a unit's heads is labelled on the unit); the units before them stay.
 */
const PERSONS_AFTER =
  /(?<=[\u4e00-\u9fff]{2})(?:以及|及|和)(?:其|其他)?(?:相关|有关|各)?(?:主要|分管)?(?:负责人|负责同志|责任人|领导同志|领导干部|领导|工作人员|人员|干部|同志)$/u;
/** Last characters of PERSONS_AFTER: a cheap screen, most lists end in a unit word. */
const PERSON_LAST = new Set(['人', '员', '志', '导', '部'].map((c) => c.charCodeAt(0)));

/** The list without the words before or after its parties that name none (leaders, an area role, a topic, persons). */
export function withoutNonParties(list: string): string {
  let text = list;
  // `市政府各位领导同志及各有关部门和单位，要…`: the leaders named before the units are persons (LABELLING §3).
  const leaders =
    text.includes('同志') || text.includes('领导') || text.includes('班子')
      ? LEADERS_BEFORE.exec(text)
      : null;
  if (leaders) text = text.slice(leaders[0].length);
  // `由包片单位县气象局负责清除` (a county's problem list): the role the unit plays in the area is no part of its name.
  const role = text.includes('单位') ? AREA_ROLE_BEFORE.exec(text) : null;
  if (role) text = text.slice(role[0].length);
  // `安全生产工作需行业主管部门要…`: the work named as the sentence's topic is no part of its subject.
  const topic = text.includes('工作需') ? WORK_TOPIC.exec(text) : null;
  if (topic) text = text.slice(topic[0].length);
  const designated = DESIGNATED_BEFORE.exec(text);
  if (designated) text = text.slice(designated[0].length);
  const persons = PERSON_LAST.has(text.charCodeAt(text.length - 1)) ? PERSONS_AFTER.exec(text) : null;
  if (persons) text = text.slice(0, persons.index);
  return text;
}
