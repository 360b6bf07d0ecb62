// The regular expressions of the prose sentence forms that name parties around a verb (prose-sentence.ts): asked
// (请A), designated (由A负责), joining lists (，B、C等单位参与), partners (会同A) and counterparts (与A的协调机制).

/** Characters of a party list in running text. */
export const NAME_CHARS = '[\\u4e00-\\u9fff（）、]';

/**
 * `请A…` / `会议…，要求A…` / `会议…，责成A尽快…`: the party asked (or ordered) to act; the list ends before its verb (`请各单位加大巡查密度`; verbs that also
 * end unit names, 推进办 / 协调办 / 指导中心, are left out). A covering request (`要求各地区各部门结合实际认真贯彻落实`)
 * asks nobody for a duty of its own.
 */
export const ASKED = new RegExp(
  `(?:^|[，：应须]|(?<=会议))(?:请|(?<=^|，)要求|(?<=^|，|会议)责成)((?:(?!结合实际|认真贯彻)${NAME_CHARS}){2,60}?)(?<![各、])(?!认真贯彻|结合实际[^，。；]{0,6}贯彻)(?=在|于|按程序|会同|牵头|负责|落实|按照|根据|结合|抓紧|尽快|加快|研究|制定|进一步|对|做好|组织|提出|明确|完成|修订|继续|加强|加大|认真|切实|抓好|严格|积极|高度重视|立即|及时|全力|持续|深入|强化|坚决|督促|指导|务必|安排)`,
  'u',
);
/** askOpenings: a 请 where ASKED_SUPPORT may start (the sentence's start or after ，/：). */
export const ASK_SUPPORT = 1;
/** askOpenings: a 请, 要求 or 责成 where ASKED may start. */
export const ASK_ANY = 2;
const COMMA = '，'.charCodeAt(0);
const COLON = '：'.charCodeAt(0);
const YING = '应'.charCodeAt(0);
const XU = '须'.charCodeAt(0);

/**
 * Where ASKED and ASKED_SUPPORT can start, as ASK_* flags (0 for most sentences): their openings found by indexOf
 * instead of trying the regexes' alternatives at every character (the sentences screened by 请/求 are many: 要求 is
 * common wording). The regexes still decide.
 */
export function askOpenings(sentence: string): number {
  let found = 0;
  for (let at = sentence.indexOf('请'); at !== -1; at = sentence.indexOf('请', at + 1)) {
    const prev = at === 0 ? COMMA : sentence.charCodeAt(at - 1);
    if (prev === COMMA || prev === COLON) return ASK_SUPPORT | ASK_ANY;
    if (prev === YING || prev === XU) found = ASK_ANY;
  }
  if (found !== 0) return found;
  for (let at = sentence.indexOf('要求'); at !== -1; at = sentence.indexOf('要求', at + 1))
    if (at === 0 || sentence.charCodeAt(at - 1) === COMMA) return ASK_ANY;
  // `会议责成A…`, `…，责成A、B尽快…`: an order, read by ASKED as a request is.
  for (let at = sentence.indexOf('责成'); at !== -1; at = sentence.indexOf('责成', at + 1))
    if (at === 0 || sentence.charCodeAt(at - 1) === COMMA || sentence.startsWith('会议', at - 2))
      return ASK_ANY;
  return 0;
}
/** `请中国人民银行积极给予支持`: a party asked only to support another's duty (SUPPORTING). */
export const ASKED_SUPPORT = new RegExp(
  `(?:^|[，：])请(${NAME_CHARS}{2,60}?)(?:积极|大力)?(?:给予支持|给予配合|支持配合)`,
  'u',
);
/**
 * `由A牵头` / `由A负责` / `由A会同B制定` / `具体办法由A、B制定` / `由A依据…予以处罚` / `由A具体组织实施` / `由牵头部门负总责`;
 * a stage or rule of older prose naming the body that acts (`由A根据…进行审查`, `由A责令解散`, `统一由A登记管理`,
 * `由A对B进行培训`); never a relative clause (`由高等学校承担的科技计划项目`); the body
 * that files a request (`由A提请B进行调控`, `由A报同级人民政府批准后，启动…`) or carries it out through its
 * own means (`由A通过…网络组织实施`, never a text passed by a body, `由全体会议通过`); never inside a
 * bracketed aside (`A、B分别负责…（技工院校内由B负责）`: the sentence's subject holds the duty).
 */
export const BY = new RegExp(
  `(?<![事理缘])由(?!、)(?![^（）。；]*）)(${NAME_CHARS}{2,60}?)(?:统一|自行|具体)?(牵头|负责(?!同志|人)(?![^，。；]{0,8}的(?:地方|区域|地区|范围|路段))|负总责|统筹|承担(?!的)|会同|制定|出台|组织(?!部)|研究|提出|发布|筹措|拨补|解决|贷款|依据|依照|召开|根据|责令|登记|归口|掌握|提请|报(?=同级|上级|[^，。；]{1,16}?批准后)|通过(?=[^，。；]{2,30}?组织实施)|按程序|印发(?!的)|交办(?!的)|对(?=[^，。；]{1,30}?进行))`,
  'u',
);
/**
 * `，发展改革、工商、金融等单位参与` after a lead; `由A牵头，B、C等单位组成` (the members of a working group); `A牵头，卫健、
 * 教体等行业主管部门密切配合` (a class of departments only closes the list).
 */
export const JOINING = new RegExp(
  `，(${NAME_CHARS}{2,240}?)(?:等(?:有关|相关|行业主管|主管)?(?:单位|部门))?(?:要|应)?(?:积极|密切|全力|主动)?(?:参与|配合|参加|组成(?!员))`,
  'u',
);
/**
 * `会同有关部门` / `会同浦东新区、奉贤区和临港地区管委会`; `A协同B负责…` reads B as A's partner, as 会同 does. The list ends
 * before the duty verb or an adverb opening it (`会同B及时清算`, `会同B积极推进`, `会同B一起加强督办`, `会同B另行下达`,
 * `负责协同B查处…`).
 */
export const PARTNERS = new RegExp(
  `(?:会同|(?<=负责)协同|协同(?=[^，。；]{2,40}?负责))(${NAME_CHARS}{2,160}?)(?:(等(?:有关|相关)?(?:部门|单位))|(?=[，。；]|按照|根据|对|在|于|一起|一道|另行|查处|继续|立即|迅速|尽快|抓紧|及时|适时|积极|切实|全力|处理|研究|制定|制订|修订|编制|拟订|起草|做好|组织|开展|进行|推进|建立|提出|落实|负责|将|要|应|认真|共同|统筹|组建|成立|加强|加快|强化|完善|深化|督促|指导|抓好|最终确定|确定(?!中心)|审核(?!中心|机构|委员会)|审定(?!委员会|中心)))`,
  'u',
);

/** `，商有关部门合理安排运输` (older prose): the bodies consulted take part (LABELLING §3). */
export const CONSULTED = new RegExp(
  `，商(${NAME_CHARS}{2,40}?)(?=合理|研究|确定|同意|制定|提出|安排|办理|后[，。]|[，。；]|$)`,
  'u',
);
/** `与国家标准委、国务院信息办等单位一起，组织制定…`: the units working with the holder take part, as after 会同. */
export const TOGETHER = new RegExp(
  `与(${NAME_CHARS}{2,60}?)(?:等(?:有关|相关)?(?:部门|单位))?(?:一起|一道)`,
  'u',
);

/** `建立完善与宣传、网信、公安等部门的沟通协调机制`: the counterparts of a standing mechanism take part. */
export const COUNTERPARTS = new RegExp(
  `与(${NAME_CHARS}{2,40}?)(等(?:有关|相关)?(?:部门|单位))?的?(?:沟通|会商|联动)?协调机制`,
  'u',
);

/**
 * `督促A做好…`, `主动协助A抓好…`, `保障A依法履职`, `要求各级政府依法行政`: a verb governing the unit before 做好 / 抓好 /
 * 依法 (its object, no subject).
 */
export const GOVERNED =
  /^(?:主动|积极|全力|及时|切实|认真)?(?:督促|协助|指导|保障|组织|协调|联合|动员|引导|推动|监督|通知|依托|委托|帮助|要求|责成|指挥|部署|安排|配合|支持|会同|协同|带领|发动|确保|推进|加强)/u;

/**
 * Clauses between the party and its duty: `在制定相关规定时，`, `根据有关规定，`, `结合本地实际，`, `除报送正文外，` (what the
 * party does besides).
 */
export const INSERTED_CLAUSE =
  /(?:在[^，。；]{1,30}[时下内]|(?:根据|按照|依照|依据|结合)[^，。；]{1,30}|以[^，。；]{1,15}为(?:单位|主体|重点)|除[^，。；]{1,30}外)，$/u;
/** The party's own act timing its duty (`行政执法机关作出重大执法决定前，要…`, `审核机构完成审核后，要…`). */
export const OWN_WHEN_CLAUSE = /^[^，。；]{4,40}(?:前|后|时)，$/u;
/**
 * A sentence continuing the duty of the paragraph's party without naming it again; also a meeting's numbered point
 * (`五是要加强考核，…`).
 */
export const SUBJECTLESS_DUTY = /^(?:[一二三四五六七八九十]是)?(?:要|并|还要|同时)/u;

/**
 * `本市各级行政执法机关（包括…组织，以及…组织）应当…`, `施工企业（包括…）要…`: an aside listing what the party includes,
 * between the party and its duty marker, is dropped so the party meets its marker (the aside may hold commas, which
 * end the subject scan). Screened by the caller on `（包` / `（含`.
 */
const INCLUSION_ASIDE =
  /(?<=[\u4e00-\u9fff])（(?:包括|含)[^（）。；]{2,120}）(?=(?:也|都|均)?(?:应当|应|要|须|必须|负责))/gu;
export function withoutInclusionAside(sentence: string): string {
  return sentence.replace(INCLUSION_ASIDE, '');
}
