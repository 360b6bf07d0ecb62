// Classes of bodies the prose party test (prose-parties.ts isParty) accepts as a party of their own: institutions of a
// kind, the State Council's commissions, regulated enterprises, places of a kind and the grassroots.

/**
 * Institution types (`各级各类学校`, `医疗卫生机构`, `行业协会`), optionally 各/各级各类/试点地区 and 公立 before them
 * (`试点地区公立医疗机构应优先使用…`), and the
 * administration's bodies named by their function (`审核机构要认真履行审核职责`, `执法机构`, `复议机构`). Only names
 * ending in a UNIT_LAST character (校/构/会): 企业/园/库 endings would put the subject scan on every 产业/行业 of the text.
 */
export const INSTITUTION_CLASS =
  /^(?:各级各类|各类|各级|各|试点(?:地区|城市))?(?:公立)?(?:高等学校|中小学校?|职业院校|(?:高等|中等)?职业学校|技工院校|学校|医疗(?:卫生)?机构|金融机构|行业协会|(?:合法性)?(?:审核|审查|执法|复议|仲裁|登记)机构)$/u;
/** `国务院教育督导委员会`, `国务院学位委员会`: the State Council's commissions by their work. */
export const STATE_COMMISSION = /^国务院[\u4e00-\u9fff]{2,10}委员会$/u;
export const REGULATED_ENTERPRISES = /^(?:各|所有)?[\u4e00-\u9fff]{2,8}(?:生产|经营|运营|施工|销售)企业$/u;
/**
 * `主要行业的支柱企业要对重点数据开展比对`, `各重点企业要…`, `规上工业企业`: enterprises of a standing the county tracks
 * (支柱/重点/龙头/骨干/规模以上), optionally after a 的-phrase naming their trade, given a duty in a meeting report. Bare
 * `企业要…` stays unread (labelled inconsistently across the sets).
 */
export const QUALIFIED_ENTERPRISES =
  /^(?:各|所有)?(?:[\u4e00-\u9fff]{2,6}的)?(?:支柱|重点|龙头|骨干|规模以上|规上)(?:工业)?企业$/u;
/**
 * `各申报主体要对申报材料的真实性负责`, `各项目单位要…` (a county department's call for applications): the applicants as
 * one collective given the binding rule of the call (LABELLING §4: regulated bodies are parties).
 */
export const APPLICANTS = /^(?:各|所有|相关)?(?:申报|项目|申请)(?:主体|单位)$/u;
/** `各校` (a county education bureau's notice to its schools): the schools written short, one collective. */
export const SCHOOLS_SHORT = '各校';
/** `有条件的地区`, `有关的大中城市`: places of a kind (LABELLING: `有条件的地方可…` is not labelled for its 可, not its subject). */
export const CONDITIONAL_PLACES = /^有(?:条件|关)的(?:地区|地方|城市|大中城市|省份)$/u;
/**
 * The grassroots as collectives (`各村（社区）要…`, `各街道办事处`, `各镇街`, `各企业`, `村组、社区`, `各查验站`, `村党总支`),
 * given duties in county notices and meeting reports.
 */
export const GRASSROOTS =
  /^(?:各?村党(?:总支|支部)|各(?:村|行政村|村居|社区|街道办事处|镇街|企业|企事业单位|[\u4e00-\u9fff]{0,4}(?:查验|检查|服务|卫生|监测)站)|村组|社区|村（社区）|各?村（居）委会|各?村（社区）居委会)$/u;
/** `各中小学校（幼儿园）要…`, `学校（幼儿园）`: schools with the kindergartens as their trailing qualifier, dropped (§4). */
export const SCHOOL_QUALIFIER = /^([\u4e00-\u9fff]{0,8}(?:学校|学|校))（[^（）]{1,6}）$/u;

/** 高等职业学校 / 各校 (等 of 高等 closes no list); 国务院教育督导委员会: the State Council's commissions by their work. */
export function isSchoolOrCommission(name: string): boolean {
  return name.endsWith('校')
    ? name === SCHOOLS_SHORT || INSTITUTION_CLASS.test(name)
    : STATE_COMMISSION.test(name);
}
