import { proseParties, UNIT_LAST } from './prose-parties';
import type { ProseParties } from './prose-parties';

export { contributingParties } from './prose-contributors';

/**
 * Sentence forms of 应急预案 / 工作方案 organisation sections and of older State Council prose, read by
 * prose-sentence.ts before its subject scan: duty list lines (`市公安局：负责…`), introducing phrases naming whose
 * duties follow (`X的职责是：`, `X承担以下职责：`), a body just set up (`设立A（以下简称B）。主要职责是：`), asides
 * (`A，特别是B，要…`), the provinces of every kind as one collective, and the replies of 办理情况 letters.
 */

/**
 * `市公安局：负责…；` / `县住房城乡建设局：…` (a duty list line of an organisation section), `专项应急指挥部的职责是：`,
 * `办公室承担以下职责：` (a heading or introducing sentence naming whose duties follow): the unit before the colon
 * holds the duties after it. The head is read as after a role label (any unit-shaped name), never a role label
 * itself (`牵头单位：`) and never an addressee line (nothing follows its colon).
 */
const LISTED_UNIT =
  /^([^，。；：]{2,30}?)(?:(?:及其?|与)?(?:的)?(?:主要|工作)?职责(?:是|为|如下)?|承担(?:以下|如下|下列)(?:主要)?职责)?：/u;
const ROLE_LABEL_HEAD = /^(?:牵头|责任|配合|协办|主办|参与|协同|负责|承办|主责|成员)(?:单位|部门)$/u;
/** A page's metadata (`发文机构：…`, `发布单位：…`) or a byline (`通讯员某某 记者某某报道：`) before its colon, no unit. */
const METADATA_HEAD = /^(?:发文|发布|来源|信息来源|所属|公开)(?:机构|单位|机关)$|通讯员|记者/u;
/** `国家级（Ⅰ级）：`, `较大（Ⅲ级）：`, `Ⅱ级：`: a 预案's grade of emergency defined after its colon, no unit. */
const GRADE_HEAD = /(?:^|（)[ⅠⅡⅢⅣⅤ一二三四五1-5]级(?:）)?$/u;
/** `主要职责是：` after `设立A（以下简称B）`: the body just set up holds the duties listed. */
const SET_UP = /设立([^，。；（]{2,40}?)（以下简称“?([^）”]{2,20})”?）[^。]*。(?:其)?主要职责(?:是|为)：/u;

/**
 * `第四条 各级党委和政府乡村振兴责任主要包括：` (a 责任制 rule's article over its numbered duties): the holders named before the
 * topic of their responsibility; the article number is no part of the head.
 */
const TOPIC_DUTIES =
  /^(?:第[一二三四五六七八九十百]+条\s*)?([^，。；：]{2,24}?(?:党委和政府|党委、政府|人民政府|政府|部门|单位|[委局厅办]))[\u4e00-\u9fff]{0,8}?(?:工作)?(?:责任|职责)(?:主要)?(?:包括|是|为|如下)：$/u;

export function listedUnit(sentence: string): ProseParties | null {
  const topic = sentence.includes('包括：') ? TOPIC_DUTIES.exec(sentence) : null;
  // `各级党委和政府`: a level's party committee and government under one prefix, one collective (LABELLING §4).
  const holders = topic?.[1] ?? '';
  if (topic)
    return /党委(?:和|、)政府$/u.test(holders)
      ? { names: [holders], open: null }
      : proseParties(holders, 'partner');
  const m = LISTED_UNIT.exec(sentence);
  const head = m?.[1];
  if (!m || !head || !UNIT_LAST.includes(head.charAt(head.length - 1)) || ROLE_LABEL_HEAD.test(head))
    return null;
  if (GRADE_HEAD.test(head) || METADATA_HEAD.test(head)) return null;
  // A bare `A：` with nothing after it addresses the recipients (国家经贸委、冶金部：).
  if (m[0].length === sentence.length && !m[0].includes('职责')) return null;
  return proseParties(head, 'partner');
}

/**
 * `A，特别是B，要…` / `A，特别是B要…` / `A特别是B，要…`, also after an opening clause (`为…，A特别是B，要…`): A and B both
 * hold the duty (each read on its own).
 */
const ASIDE =
  /(?:^|，)([^，。；]{2,30}?)，?特别是([^，。；]{2,30}?)，?(?=(?:都|也|还|均)?(?:要|应|须|必须))/u;

const PLACE_PARTY = /^[\u4e00-\u9fff]{2,20}(?:所在地|地区|城市|人民政府|政府|防御区|示范区|试验区)$/u;

export function asideParties(sentence: string): [ProseParties, ProseParties] | null {
  const m = ASIDE.exec(sentence);
  if (!m) return null;
  const first = proseParties(m[1] ?? '') ?? provinceKinds(m[1] ?? '');
  const named = m[2] ?? '';
  // The place singled out (`地震重点监视防御区所在地`) is a party as written.
  const second = proseParties(named) ?? (PLACE_PARTY.test(named) ? { names: [named], open: null } : null);
  return first && second ? [first, second] : null;
}

/** `各省、自治区、直辖市` / `有关省、市、自治区`: the provinces of every kind, one collective party. */
const PROVINCE_KINDS = /^(?:各|有关)(?:省|市)(?:、(?:省|市|县|自治区|直辖市|自治州))+(?:人民政府|政府)?$/u;

export function provinceKinds(list: string): ProseParties | null {
  return PROVINCE_KINDS.test(list) ? { names: [list], open: null } : null;
}

const NAME_CHARS = '[\\u4e00-\\u9fff（）、]';
/** `办公室设在教育部、住房城乡建设部`: the body's office is hosted by (led by) the parties named. */
const HOSTED = new RegExp(`(?:办公室|秘书处)设在(${NAME_CHARS}{2,40}?)(?=[，。；])`, 'u');
/**
 * `成员由A、B、C等部门负责同志组成` / `成员单位包括A、B` / `办公室成员由领导小组成员单位有关司局负责同志担任`: the members take
 * part. 担任 only after the units' heads (负责同志, 负责人): `成员由县发改局局长担任`, `领导小组由县政府办担任组长单位` give
 * a post to one holder, no list of members (the list never runs across a 担任).
 */
export const MEMBERS = new RegExp(
  `(?:成员(?:单位)?(?:由|包括|为)|(?:联席会议|领导小组)由)((?:(?!担任)${NAME_CHARS}){2,80}?)(?:等(?:部门|单位)|\\d{1,2}个部门和单位)?(?:有关(?:司局|处室|科室))?(?:(?:负责同志|有关负责同志|分管负责同志|有关人员)?(?:组成(?!员)|[，。；])|(?:有关|分管|主要)?(?:负责同志|负责人)担任)`,
  'u',
);
/** `在县住房城乡建设局设置办公室并负责总牵头工作`: the same hosting written with the host first. */
const HOSTING = new RegExp(
  `(?:^|[，。；])在(${NAME_CHARS}{2,30}?)设(?:置|立)?(?:办公室|秘书处)(?=[，。；并]|$)`,
  'u',
);
/**
 * `副主任分别由A、B和C的司局级有关负责同志担任`, `工作人员从成员单位司局级干部中抽调`: the units that send an office's deputies
 * or staff take part (LABELLING §2); a post given to a named person (`主任由A副局长王某担任`) names no sending unit.
 */
const STAFFED = new RegExp(
  `(?:副?主任|副组长|成员|工作人员)(?:分别)?由(${NAME_CHARS}{2,60}?)的?(?:司局级|厅局级|处级)?(?:有关(?:司局|处室|科室))?(?:有关|分管|主要)?(?:负责同志|负责人|干部)担任`,
  'u',
);
const DRAWN = new RegExp(`从(${NAME_CHARS}{2,40}?)(?:司局级|厅局级|处级)?(?:干部|人员)中(?:抽调|选调)`, 'u');

/** `北京奥组委和北京市`: two sending units when the left is a unit of its own (工业和信息化部 stays one). */
function sendingUnits(name: string): string[] {
  const at = name.indexOf('和');
  const left = at > 1 ? name.slice(0, at) : '';
  return left && name.length - at > 2 && proseParties(left) ? [left, name.slice(at + 1)] : [name];
}

/** Shared by every sentence that names no staffing (most): no array per sentence. */
const NO_STAFFING: readonly ProseParties[] = [];

export function staffingUnits(sentence: string): readonly ProseParties[] {
  const staffed = sentence.includes('担任') ? STAFFED.exec(sentence) : null;
  const drawn = sentence.includes('抽调') || sentence.includes('选调') ? DRAWN.exec(sentence) : null;
  if (!staffed && !drawn) return NO_STAFFING;
  const found: ProseParties[] = [];
  for (const m of [staffed, drawn]) {
    const parties = m ? proseParties(m[1] ?? '', 'partner') : null;
    if (parties) found.push({ names: parties.names.flatMap(sendingUnits), open: parties.open });
  }
  return found;
}

export function hostingParties(sentence: string): ProseParties | null {
  const hosted = sentence.includes('设在')
    ? HOSTED.exec(sentence)
    : sentence.includes('办公室') || sentence.includes('秘书处')
      ? HOSTING.exec(sentence)
      : null;
  // `（办公室设在…，联系电话：…）`: an aside in brackets says where a recipient sits, it gives no duty.
  if (!hosted || sentence.lastIndexOf('（', hosted.index) > sentence.lastIndexOf('）', hosted.index))
    return null;
  return proseParties(hosted[1] ?? '');
}

/**
 * `…组成，教育部为牵头单位`: the unit designated to lead; never a rank in a list (`排名第一的责任单位为牵头单位`, the
 * lead convention).
 */
const DESIGNATED_LEAD = /(?:^|，)([^，。；]{2,30}?)为牵头(?:单位|部门)(?=[，。；]|$)/u;
const RANK = /第一|首位/u;

export function designatedLead(sentence: string): ProseParties | null {
  const m = DESIGNATED_LEAD.exec(sentence);
  return m && !RANK.test(m[1] ?? '') ? proseParties(m[1] ?? '') : null;
}

/** The paragraph-level form of SET_UP (prose.ts reads it before the sentences). */
export function setUpBody(paragraph: string): string | null {
  return paragraph.includes('以下简称') ? (SET_UP.exec(paragraph)?.[2] ?? null) : null;
}

/**
 * `A会同B研究提出了办理意见：从2002年开始…` (a reply reporting what was done) and `A会同B研究提出：…` (introducing an
 * opinion): no duty of A by themselves; a 办理意见 that itself promises (`A研究提出了办理意见：将…`) gives A the duty
 * (REPLY_OPINION), and a later sentence of the opinion may name A again (`…发展改革委将…`).
 */
export const NARRATIVE = new RegExp(
  [
    '^(?:会同[^，。；：]{1,20}?)?(?:研究)?(?:(?:提出|进行|开展|作出|完成|召开|印发)了|提出(?:(?:以下|如下)?(?:办理)?意见)?：)',
    // A meeting report's account of the meeting itself (`市财政局会同市住房城乡建设局组织各县（区）…负责人召开申报动员会。`)
    // and of what a body said at it (`市发改委和自然资源和规划局对拟列入…项目提出要求。`): held and said, no duty.
    '^(?:会同[^，。；：]{1,20}?)?(?:组织[^，。；：]{0,40}?)?召开[^，。；：]{0,30}?(?:会|会议)(?:[，。；]|$)',
    '^对[^，。；：]{2,40}?提出了?(?:具体|明确)?要求(?:[。；]|$)',
    // A copy's own line on its issue (`…办公厅发布《…实施细则》，自发布之日起施行。`): the document itself, no task.
    '^(?:联合)?(?:印发|发布)了?《[^》]{2,80}》，?自(?:印发|发布)之日起施行',
  ].join('|'),
  'u',
);
const REPLY_OPINION =
  /^([^，。；：]{2,30}?)(?:会同([^，。；：]{2,40}?))?研究提出了?(?:办理)?意见：(?=(?:该(?:问题|项目|事项|建议))?(?:将|要|拟|应|继续))/u;

/**
 * `A研究提出了办理意见：将…` / `A会同B研究提出了办理意见：要…` (also about the matter itself, `该问题将…`): A holds the
 * promise, B takes part.
 */
export function replyOpinion(
  sentence: string,
): { holder: ProseParties | null; partners: ProseParties | null } | null {
  const m = REPLY_OPINION.exec(sentence);
  if (!m) return null;
  return { holder: proseParties(m[1] ?? ''), partners: m[2] ? proseParties(m[2], 'partner') : null };
}

/** `A提出：` / `A会同B研究提出了以下意见：` / `A意见：`: the opinion that follows is read as sentences of its own. */
const OPINION_INTRO =
  /^[^，。；：]{2,40}?(?:(?:研究)?提出了?(?:以下|如下)?(?:办理)?意见|(?:研究)?提出|意见)：/u;

export function opinionBody(sentence: string): string | null {
  const m = OPINION_INTRO.exec(sentence);
  return m && m[0].length < sentence.length ? sentence.slice(m[0].length) : null;
}
