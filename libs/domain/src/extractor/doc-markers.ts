/**
 * The small markers a document's head and foot carry, read by the segmenter: its 文号 (normalised) and the
 * date of its signature line (Arabic or Chinese numerals).
 */
const DATE_LINE = /^(?:（此件公开发布）)?(?:[\u4e00-\u9fff]{2,12})?(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const CN_DATE_LINE =
  /^([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日$/;

const CN_DIGIT: Readonly<Record<string, number>> = {
  〇: 0,
  '○': 0,
  零: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

function cnNumber(s: string): number {
  if (s.length === 4) return Number([...s].map((c) => CN_DIGIT[c] ?? 0).join(''));
  // 十 / 十二 / 二十 / 二十八
  const idx = s.indexOf('十');
  if (idx === -1) return CN_DIGIT[s] ?? 0;
  const tens = idx === 0 ? 1 : (CN_DIGIT[s.charAt(0)] ?? 0);
  const ones = idx === s.length - 1 ? 0 : (CN_DIGIT[s.charAt(idx + 1)] ?? 0);
  return tens * 10 + ones;
}

/** `YYYY-MM-DD` for a plausible calendar date (1900–2100), else null. */
export function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2100) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Normalises a 文号: brackets unified, stray brackets and spaces removed. */
export function normalizeDocNumber(s: string): string {
  return s
    .replace(/\s+/g, '')
    .replace(/[[［]/g, '〔')
    .replace(/[\]］]/g, '〕')
    .replace(/〕〕+/g, '〕')
    .replace(/^（|）$/g, '');
}

/** Date of a stand-alone signature line (Arabic or Chinese numerals), else null. */
export function signatureDate(text: string): string | null {
  // Called for every line: most are long prose or carry no 月, which neither pattern can match.
  if (text.length > 32 || !text.includes('月')) return null;
  let m = DATE_LINE.exec(text);
  if (m) return isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
  m = CN_DATE_LINE.exec(text);
  if (m) return isoDate(cnNumber(m[1] ?? ''), cnNumber(m[2] ?? ''), cnNumber(m[3] ?? ''));
  return null;
}

/**
 * A metadata line a government web page prints above the document: `索引号：…`, `发布机构：…`, `文号：…`,
 * `成文日期：…`, `【字号】…`, `时间：…来源：…`, `发文单位：…`, `信息名称：…`, `发文序号：…`, a label sharing its cell with 备注 (`备注/文号：…`), `公文生成日期：…` (the text is normalised, so `名 称:` reads `名称：`).
 */
const PAGE_METADATA =
  /^(?:【[\u4e00-\u9fff]{2,6}】|(?:备注[/／])?(?:索引号|组配分类|发布机构|发文机关|发布机关|制定机关|发文单位|发布单位|主题分类|(?:信息|文件)?名称|标题|分类|文号|发文文号|发文字号|发文序号|文件编号|发布日期|成文日期|(?:公文)?生成日期|生效日期|有效期|公开日期|公开方式|公开类型|公开形式|公开范围|公开目录|公开时限|发布时间|时间|来源|信息来源|(?:信息)?有效性)：)/u;
/** The 文号 after its label, with the label's colon or bracket or (in table cells) nothing between them. */
const METADATA_DOCNO = /(?:文号|字号|文件编号|发文序号)(?:：|】)?([\u4e00-\u9fff]{1,14}〔\d{4}〕\d{1,4}号)/u;
/** `成文日期：2022-07-14`, `发文日期 | 2022-07-14` (cells): the date the page gives the document it shows. */
const METADATA_DATE = /(?:成文日期|发文日期)：?(\d{4})[-－/／.．年](\d{1,2})[-－/／.．月](\d{1,2})/u;

/**
 * The same block printed as table cells (`索引号 | 000330185/2022-86781 | 公开方式 | 主动公开 |`; the
 * normalised text has lost the separators and the colons): a line opening on one label and naming another,
 * with no sentence punctuation between them (`信息索引号 | … | 公开方式 |`, `备注/文号 | 公开时限 | 长期公开 |`,
 * `文 号 | 某政办发〔2021〕1号 | 分 类 |`, `发文单位 … 效力状态 有效`).
 */
const PAGE_METADATA_CELLS =
  /^(?:信息)?(?:索引号|存放位置|公开范围|公开方式|发布单位|发布机构|发文单位|发文字号|成文日期|发文日期|组配分类|生成日期|(?:备注[/／])?文号)[^，。；：]{0,40}?(?:公开方式|公开时限|公开范围|公开日期|发文日期|成文日期|发布日期|主题分类|分类|效力状态|有效性|文号|发布机构)/u;
/** The index number alone on its row (`索引号 | 11330922090963010M/2021-27971 |`). */
const PAGE_INDEX_CELL = /^索引号[\dA-Za-z\-－/／]{6,40}$/u;

/** The page's name cell (`信息名称 | 2020年…责任分工 |`): the document's title follows on a line of its own. */
const PAGE_NAME_CELL = /^信息名称[^，。；：]{2,80}$/u;

/** A page label and its colon: two of them on one line make it a metadata row whatever label opens it. */
const PAGE_LABEL_GLOBAL =
  /(?:索引号|分类|责任部门|标题|发文日期|成文日期|发布日期|公开方式|公开时限|公开范围|公开形式|公开目录|文件编号|有效性|有效期|生效日期|发布机构|发文单位)：/gu;
/** `责任部门：吉安县政府办发文日期：2022-11-02`: the page's own office row, never a role label line. */
function twoPageLabels(text: string): boolean {
  PAGE_LABEL_GLOBAL.lastIndex = 0;
  return PAGE_LABEL_GLOBAL.test(text) && PAGE_LABEL_GLOBAL.test(text);
}
/** The page's index code alone on its line (`SDDR-2017-00008`). */
const PAGE_CODE = /^[A-Z]{2,8}[-－]\d{4}[-－]\d{3,8}$/u;

export function isPageMetadata(text: string): boolean {
  return (
    PAGE_METADATA.test(text) ||
    twoPageLabels(text) ||
    PAGE_CODE.test(text) ||
    PAGE_METADATA_CELLS.test(text) ||
    PAGE_INDEX_CELL.test(text) ||
    PAGE_NAME_CELL.test(text)
  );
}

/**
 * The page metadata block at the top of a file: the index of the first line after it (0 when there is none)
 * and the 文号 and date it gives, for a document whose own head does not repeat them (an untitled table under
 * the page's `发文日期` cell has no signature line).
 */
export function pageMetadata(lines: readonly { kind: string; text: string }[]): {
  end: number;
  docNumber: string | null;
  date: string | null;
} {
  let end = 0;
  let docNumber: string | null = null;
  let date: string | null = null;
  for (let i = 0; i < Math.min(lines.length, 12); i++) {
    const line = lines[i];
    if (!line || line.kind === 'blank') continue;
    if (line.kind !== 'text' || !isPageMetadata(line.text)) break;
    end = i + 1;
    const m = docNumber === null ? METADATA_DOCNO.exec(line.text) : null;
    if (m) docNumber = normalizeDocNumber(m[1] ?? '');
    const d = date === null ? METADATA_DATE.exec(line.text) : null;
    if (d) date = isoDate(Number(d[1]), Number(d[2]), Number(d[3]));
  }
  return { end, docNumber, date };
}

const DOCNO_CORE = '[\\u4e00-\\u9fff]{1,14}〔\\d{4}〕\\d{1,4}号';
/** A 文号 alone on its line, bracketed or not (菏政办字〔2023〕1号). */
export const DOCNO_LINE = new RegExp(`^（?(${DOCNO_CORE})）?$`);

/** The issuer a title names before its 关于 (杭州市人民政府办公厅关于…). */
/** `杭州市生态环境局2024年工作要点`, `某县人民政府2023年重点工作任务分工`: a unit before the plan year issues it. */
const UNIT_BEFORE_YEAR =
  /^([\u4e00-\u9fff]{2,24}?(?:人民政府办公厅|人民政府办公室|人民政府|政府办公室|局|委员会|委|厅|办公室))(?=\d{4}年)/u;

export function titleIssuer(title: string): string | null {
  const i = title.indexOf('关于');
  if (i > 0) return title.slice(0, i);
  return i === -1 ? (UNIT_BEFORE_YEAR.exec(title)?.[1] ?? null) : null;
}

/**
 * 菏政办字〔2023〕1号 alone on the first line, a title ending in its bracketed 文号 (…任务（华政发〔2021〕2号）), or a page
 * title opening on it (`阳政办〔2019〕1号—区人民政府办公室关于…`, `（岸政办〔2019〕1号）区人民政府办公室关于…`).
 */
const LEADING_DOCNO = /^（?([\u4e00-\u9fff]{1,14}〔\d{4}〕\d{1,4}号)(?:）|—{1,2}|－)(?=[^。；]{0,30}关于)/u;
export function ownDocNumber(title: string): string | null {
  const m =
    DOCNO_LINE.exec(title) ??
    /（([\u4e00-\u9fff]{1,14}〔\d{4}〕\d{1,4}号)）$/u.exec(title) ??
    LEADING_DOCNO.exec(title);
  return m ? normalizeDocNumber(m[1] ?? '') : null;
}

const HAO = '号'.charCodeAt(0);

/** Ends in 号 or 号）, as every 文号 line does (a char-code test instead of a search of the whole line). */
export function endsInHao(t: string): boolean {
  const last = t.charCodeAt(t.length - 1);
  return last === HAO || (last === 0xff09 && t.charCodeAt(t.length - 2) === HAO);
}

/** A line ending in 。；：，、 (its last char code: an end-anchored regex tries every position). */
export function endsTitleTerminal(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c === 0x3002 || c === 0xff1b || c === 0xff1a || c === 0xff0c || c === 0x3001;
}
