// The duty markers of the prose subject scan (prose-sentence.ts subjectOf) and a screen telling, before the sentence's
// opening clauses are found, whether any of its subject positions can hold a marker at all.
import * as PROSE_CHARS from './prose-chars';

// Module-local copies of the prose-chars imports read per listed position: under tsx every use of an import is a
// getter call.
const { AFTER_NAME, CHAR_FLAGS, GOAL_FIRST, MARKER_FIRST, REGISTRY_LAST, datedBefore } = PROSE_CHARS;

/**
 * Duty markers after a party list (要 of 必要/需要/主要/重要 after `对…` is no marker: `A对…的必要性已达成一致意见`; nor
 * 会同 of a relative clause naming a text, `A会同B上报的《…请示》已经国务院批准`): `各地区、各部门和各单位都要`, `市场监管总局要`, `试点城市负责` (`县住建局具体负责…` too), `…对…负总责`, `审核机构对审核意见负责。` (the party answering for something), a plan
 * stated with 拟 (`A拟研究制订…`), work under way a reply reports as a commitment (`A正抓紧研究…`,
 * `A正在修订…，同时将…`; never bare narrative, `A正在编制…规划，B建议…`), a designation (`A为…的核发主管单位`, `A是…的综合部门`), a dated step
 * `各省份于2019年11月底前完成` (`各乡镇务于3月底前完成`, 务 short for 务必), a body meeting regularly (`联席会议原则上每年召开…`) or hearing reports (`A定期听取…汇报`), a when-clause run into
 * the party's marker (`A在研究完善…政策时将…`), 将 of a coming event never a duty (`我们将迎来建市30周年`, `省党代会也将召开`), duties shared out (`A、B在职责范围内，分别负责…`), a duty about what was just said
 * (`各级各部门对此要…`; never the speaker's demand, `县政府要求，A…`), the drafter of a text approved for revision (`区发改局提出的《…》，作进一步修改完善后…`) (sticky).
 */
export const MARKER_AT =
  /(?:都|也|还|均)?(?:要(?!求[，：])|应当|应|须|必须|务必|一定要|(?:具体)?负责(?!同志|人)|牵头|统筹|承担(?!的)|会同(?![^，。；]{1,30}?(?:上报|报送|提出|制定|制订|起草|印发|编制)的)|协同(?=[^，。；]{2,40}?负责)|将(?!迎来|召开)|正在(?=抓紧|加紧|积极|会同|牵头|[^。；]{2,30}，(?:并|同时)?(?:将|争取))|正(?=按|抓紧|会同|加紧|积极)|进一步|继续|组织(?:领导|实施|开展)|[按依](?:程序|规定|职责)|依法(?!治[国省市州县区旗])|拟|立即(?=[^，。；]{2})|做好(?!了)|抓好(?!了)|(?:原则上)?(?:(?:每年|每半年|每季度|每月|定期)召开|定期听取)|在[^，。；]{2,30}?时(?=将|要|应)|分别(?=负责|承担)|(?:根据|按照)[^，。；]{1,10}?(?:职能|职责|分工)(?:分别)?负责|(?:根据|按照)(?:各自)?(?:职能|职责)分工(?=，)|[是为][^，。；]{1,30}?(?:责任主体|第一责任人|主管单位|主管部门|主管机关|综合部门|牵头(?:责任)?单位|牵头部门)|对[^，。；]{2,40}负总责|对[^。；]{2,60}?负责(?=[。；]|$)|对[^，。；]{2,30}?(?:(?<![必需主重只])要|进行|开展|给予|予以)|对此(?:都|也)?(?:要|应)|于(?:\d{4}年|每年)?\d{1,2}月[^，。；]{0,4}前|务(?=[于在][^，。；]{2,40}?前)|(?:提出|起草|拟定|拟订|制定|制订)(?:并[^，。；的]{0,12})?的《(?=[^。；]{0,80}》，(?!已)[^。；]{0,12}(?:修改|完善)))/uy;
/** After a dated opening clause (`2019年12月底前，试点地区完成…`) the goal verb assigns the duty too. */
export const GOAL_MARKER_AT =
  /(?:完成|实现|建成|基本建成|建立|出台|制定|印发|发布|推行|启动|开展|组织|形成|编制|提出|修订)/uy;

/**
 * MARKER_AT without its negative lookaheads and its end-of-text lookahead: every remaining construct only reads
 * characters at or after the position tested, so a match of MARKER_AT at a position of any prefix of a text (subjectOf
 * tests a 64-character window) is a match of this one at the same position of the whole text. It only screens.
 */
const MARKER_LOOSE = new RegExp(
  MARKER_AT.source.replace(/\(\?!(?:[^()]|\([^()]*\))*\)/gu, '').replace('(?=[。；]|$)', ''),
  'uy',
);

/**
 * Whether subjectOf, reading only the positions `pairs[0, listed)` of `sentence`, can find a marker at any of them for
 * any opening offset: MARKER_LOOSE or GOAL_MARKER_AT (fixed words, which a window only hides) must match there, the
 * goal verb after a department's last character or with a dated opening somewhere in the sentence. False means
 * subjectOf would return null; most sentences of a plan pair a name's last character with a marker's first by chance
 * (产业发展, 社会进步), and this spares them the opening-clause search.
 */
export function mayMarkAtListed(sentence: string, pairs: Int32Array, listed: number): boolean {
  let dated: boolean | null = null;
  for (let k = 0; k < listed; k++) {
    const p = pairs[k] ?? 0;
    const flags = CHAR_FLAGS[sentence.charCodeAt(p)] ?? 0;
    const prevFlags = CHAR_FLAGS[sentence.charCodeAt(p - 1)] ?? 0;
    if (p < 2 || !(prevFlags & AFTER_NAME)) continue;
    if (flags & MARKER_FIRST) {
      MARKER_LOOSE.lastIndex = p;
      if (MARKER_LOOSE.test(sentence)) return true;
    }
    if (!(flags & GOAL_FIRST)) continue;
    if (!(prevFlags & REGISTRY_LAST) && !(dated ??= datedBefore(sentence, sentence.length))) continue;
    GOAL_MARKER_AT.lastIndex = p;
    if (GOAL_MARKER_AT.test(sentence)) return true;
  }
  return false;
}
