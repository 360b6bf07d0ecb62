import { proseParties } from './prose-parties';
import type { ProseParties } from './prose-parties';

/**
 * Parties contributing to another's body or decision, read by prose-sentence.ts after its subject scan (so they never
 * hide the sentence's own holder):
 * - a standing mechanism a party sets up, with the units that make it up: `县级以上人民政府建立公安、民政、财政等单位
 *   参加的联席会议制度`, `要建立省级政府办公厅牵头、省级有关部门参与的工作机制`. The units taking part in it are
 *   participants (LABELLING §2, organisation sections: the units that form a body take part); the party setting it
 *   up, named right before 建立, has the duty;
 * - the nominators of a selection another party makes: `试点城市由省级有关部门推荐，生态环境部会同…筛选确定` (the
 *   nominators take part);
 * - the units a holder invites to work with it: `主办单位要及时邀请相关部门，共同研究…` (the invited take part).
 */
const MECHANISM =
  /(?:^|，)([^，。；]{0,24}?)(?:要|应|将)?(?:建立健全|建立完善|建立|成立|组建)(?:由)?([\u4e00-\u9fff（）、]{2,200}?)(?:等(?:有关|相关)?(?:单位|部门))?(?:共同)?(?:参加|参与)的[^，。；]{0,40}?(?:机制|制度|小组|平台|体系)/u;
/** `A牵头、B参与`: the unit leading the mechanism is one of its units (the duty stays with whoever sets it up). */
const INNER_LEAD = /(?:牵头抓总|牵头|负责|主导)、/gu;

/** `由省级有关部门推荐`, `由各地申报推荐`: the nominators, up to the verb. */
const NOMINATED = /由([\u4e00-\u9fff（）、]{2,30}?)(?:申报|择优)?推荐/u;

/** `邀请相关部门，…`, `邀请市财政局、市审计局共同参加…`: the invited, up to the clause end or the joint verb. */
const INVITED =
  /邀请([\u4e00-\u9fff（）、]{2,40}?)(?:等(?:有关|相关)?(?:单位|部门))?(?=[，。；]|共同|一起|参加|参与|召开|会商|研究)/u;

type ContributorRole = 'duty' | 'partner';
const NONE: readonly [ProseParties | null, ContributorRole][] = [];

/**
 * The contributing parties of `sentence` with their roles: a mechanism's holder (`duty`) and member units
 * (`partner`), nominators (`partner`); none without them. Screened by 参加的 / 参与的 / 推荐 first, so most sentences
 * cost three searches.
 */
export function contributingParties(sentence: string): readonly [ProseParties | null, ContributorRole][] {
  if (sentence.includes('推荐')) {
    const nominators = NOMINATED.exec(sentence);
    const parties = nominators ? proseParties(nominators[1] ?? '') : null;
    if (parties) return [[parties, 'partner']];
  }
  if (sentence.includes('邀请')) {
    const invited = INVITED.exec(sentence);
    const list = invited?.[1] ?? '';
    const parties = invited ? proseParties(list, list.includes('、') ? 'partner' : 'unit') : null;
    if (parties) return [[parties, 'partner']];
  }
  if (!sentence.includes('参加的') && !sentence.includes('参与的')) return NONE;
  if (!sentence.includes('建立') && !sentence.includes('成立') && !sentence.includes('组建')) return NONE;
  const m = MECHANISM.exec(sentence);
  if (!m) return NONE;
  const list = (m[2] ?? '').replace(INNER_LEAD, '、');
  // Abbreviated sector names (司法行政、编制管理) only in a list; a single name must be unit-shaped.
  const members = proseParties(list, list.includes('、') ? 'partner' : 'unit');
  if (!members) return NONE;
  const head = m[1] ?? '';
  return [
    [head.length >= 2 ? proseParties(head) : null, 'duty'],
    [members, 'partner'],
  ];
}
