/**
 * The role words of a prose sentence (prose-sentence.ts): what a party does beside the duty holder — supervising,
 * appraising, supporting, leading — and which parties are the issuer's own side.
 */

/** Supervising, coordinating or accepting another's work (not when a later clause has its own 要: `督查，对问题要整改`). */
export const SUPERVISING =
  /^(?:要|将|应)?(?:会同[^，。；]{1,12}?(?:部门|单位|委|部|局|方面))?(?:于[^，。；]{2,12}前)?(?:适时|定期|切实|进一步)?(?:开展|组织|加强|加大|做好|负责)?(?:对[^，。；]{1,15}?(?:进行|开展))?(?:督促检查|督查|统筹协调|协调指导|验收|(?:网上)?(?:监测|抽查))(?![^。；]*，[^。；，]{0,20}要)/u;
/** `A会同有关部门对试点工作进行指导和成效评估` / `…组织开展试点工作成效评估`: guiding and appraising another's work. */
export const APPRAISING =
  /^(?:要|将)?(?:会同[^，。；]{1,12}?(?:部门|单位|委|部|局))?(?:对[^，。；]{1,15}?进行指导|[^，。；]{0,24}?成效评估)/u;
/**
 * The supporting side (`各地、各部门要继续对地震部门的工作给予支持`, `请中国人民银行积极给予支持`, `…要全力支持、密切配合`,
 * `市交通、公安等部门要通力协作、密切配合`, `县住建局要做好配合`, `行业协会要积极配合政府，为…提供…`, `…配合发展改革委等有关部门做好…`): it takes part next to another
 * party's duty and leads only alone.
 */
export const SUPPORTING =
  /^(?:要|应|须|必须)?(?:继续|积极|大力|密切|主动|全力|做好)?(?:(?:对[^，。；]{1,20}?)?(?:给予支持|给予配合|支持配合|配合(?:实施|落实)?(?:[、，。；]|$))|(?<=积极|全力|大力)支持|配合[^，。；]{0,16}?(?:部门|单位|政府|机关|机构|委)(?=[，。；]|$|做好|抓好|开展|推进|落实|完成)|通力协作(?:、密切配合)?(?:[。；]|$))/u;
/**
 * Who takes part by only supervising: the issuer's side, a government or its general office (`国务院办公厅要适时开展督促检查`,
 * `地方各级人民政府要加强统筹协调`, LABELLING §2); a department or a body's office given the checking (`A和B要适时督促检查…`,
 * `联席会议办公室要加强督促检查`) holds a duty of its own and leads.
 */
const ISSUER_SIDE = /(?:政府|政府办公厅|政府办公室|国务院办公厅|督查室|督查办)$/u;
/**
 * A 督查室 announcing its checks (`县政府督查室将进一步加大督查力度`) is the issuer's follow-up; given them as a duty
 * (`四是县政府督查室要加强督查`) it is a separate office with its own duty, a lead (LABELLING §2).
 */
export function issuerSide(name: string, rest: string): boolean {
  return ISSUER_SIDE.test(name) && (rest.startsWith('将') || !/督查[室办]$/u.test(name));
}
export const LEADING_MARKER = /^(?:要|应|负责)?牵头/u;
/** `牵头，…` / `负责，…` / `具体负责…，…`: the party's marker closes its clause, a supporting list may follow. */
export const LEAD_OR_CHARGE =
  /^(?:要|应)?(?:具体)?(?:牵头|负责)(?:[^，。；]{0,12})，[^。；]{2,240}?(?:配合|参与|参加)/u;

/**
 * A government or its general office announcing what it will do (`国务院办公厅将会同有关方面…`, `市政府将…`): the
 * issuer's own follow-up, taking part beside the holders it follows up, leading only alone (LABELLING §2).
 */
export const ISSUING_GOVERNMENT = /^(?:国务院(?:办公厅)?|[省市县区](?:人民)?政府(?:办公厅|办公室)?)$/u;

/**
 * `国务院领导同志多次指出，各级政府要…`, `…经常亲自批阅群众来信，要求各级政府…`: instructions reported as repeated past
 * speech (narrative of a reply or a report, LABELLING §2), no duty given by the text; never after a duty of the
 * sentence's own (`各街道要按照区领导多次强调的要求…`). 曾 alone is a surname as often as an adverb (`曾某强调，…`).
 */
const PAST_SPEECH =
  /^[^。；要应须]{0,40}?(?:多次|曾经|一再|反复|经常|屡次|历来)[^。；要应须]{0,30}?(?:指出|强调|要求|提出|批示)/u;

/** The adverbs' first characters (多次 曾经 一再 反复 经常 屡次 历来): 1; the characters PAST_SPEECH stops at: 2. */
const SPEECH_CHARS = new Uint8Array(0x10000);
for (const c of '多曾一反经屡历') SPEECH_CHARS[c.charCodeAt(0)] = 1;
for (const c of '。；要应须') SPEECH_CHARS[c.charCodeAt(0)] = 2;

/** The speech verbs read as past speech (提出 alone, also in PAST_SPEECH, is not screened in). */
const SPEECH_VERB = /指出|强调|要求|批示/u;

/**
 * Run for every prose sentence: PAST_SPEECH's adverb opens within its first 41 characters, before any 要/应/须 (most
 * duty sentences reach their 要 in a few characters), so those characters are scanned first and the regex runs only
 * when one of the adverbs' first characters stands there.
 */
export function isPastSpeech(sentence: string): boolean {
  const end = Math.min(sentence.length, 41);
  for (let k = 0; k < end; k++) {
    const flag = SPEECH_CHARS[sentence.charCodeAt(k)];
    if (flag === 2) return false;
    if (flag === 1) return SPEECH_VERB.test(sentence) && PAST_SPEECH.test(sentence);
  }
  return false;
}
