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
