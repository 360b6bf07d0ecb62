/**
 * Role labels of the annotation grammar: `牵头单位：`, `责任单位：`, `配合单位：`, `主办/协办/承办`, `完成时限：` …
 * Used inside brackets (`（牵头单位：市住房城乡建设局，配合单位：市财政局）`) and on lines of their own
 * (`责任单位：市民政局、市卫生健康委`). Pure lexicon; annotation.ts turns the segments into roles.
 */

/**
 * `person`: 责任领导：杜新国 names a leader, not a unit; `scope`: 适用范围：福建自贸试验区 says where a measure applies.
 * Neither segment is a party.
 */
export type LabelRole = 'lead' | 'responsible' | 'participant' | 'deadline' | 'person' | 'scope';

const LABEL_ROLES: readonly (readonly [string, LabelRole])[] = [
  ['牵头单位', 'lead'],
  ['牵头部门', 'lead'],
  ['主办单位', 'lead'],
  ['主办部门', 'lead'],
  ['主责单位', 'lead'],
  ['主责部门', 'lead'],
  ['主办', 'lead'],
  // 牵头负责领导 / 牵头责任单位 / 协同责任单位 on lines of their own (county work-task lists).
  ['牵头责任单位', 'lead'],
  ['整改牵头单位', 'lead'],
  // A bureau's own work list names its offices: 牵头科室 / 责任股室 / 配合处室 (county and district bureaus).
  ['牵头科室', 'lead'],
  ['牵头处室', 'lead'],
  ['牵头股室', 'lead'],
  ['责任科室', 'responsible'],
  ['责任处室', 'responsible'],
  ['责任股室', 'responsible'],
  ['配合科室', 'participant'],
  ['配合处室', 'participant'],
  ['配合股室', 'participant'],
  ['责任单位', 'responsible'],
  ['整改责任单位', 'responsible'],
  // 问题整改责任单位：市科技馆 整改时限：3天 (a 创文 督查 problem list, one block per inspected unit).
  ['问题整改责任单位', 'responsible'],
  ['整改单位', 'responsible'],
  ['责任部门', 'responsible'],
  ['负责单位', 'responsible'],
  ['负责部门', 'responsible'],
  ['承办单位', 'responsible'],
  ['承办部门', 'responsible'],
  ['承办', 'responsible'],
  ['实施主体', 'responsible'],
  // 实施单位：A beside 牵头单位：B (a 政府工作报告 分工 list): the unit carrying the work out under the lead.
  ['实施单位', 'responsible'],
  ['实施部门', 'responsible'],
  // 部门分工：A牵头，各地、各部门配合 — the value carries its own role verbs (a provincial 分工方案 field).
  ['部门分工', 'responsible'],
  ['责任分工', 'responsible'],
  ['配合单位', 'participant'],
  ['配合部门', 'participant'],
  ['协办单位', 'participant'],
  ['协办部门', 'participant'],
  ['协办', 'participant'],
  ['协同单位', 'participant'],
  ['协同部门', 'participant'],
  ['协同责任单位', 'participant'],
  ['参与单位', 'participant'],
  ['参与部门', 'participant'],
  ['参加单位', 'participant'],
  ['支持单位', 'participant'],
  // A target's statistics office beside its lead (`牵头单位：市发改委，数据提供单位：市统计局`, 政府工作报告 targets).
  ['数据提供单位', 'participant'],
  ['数据提供部门', 'participant'],
  // Short labels of provincial and municipal lists: （牵头：市发改委；配合：市财政局）, （主责：…；协同：…）.
  ['牵头', 'lead'],
  ['主责', 'lead'],
  ['配合', 'participant'],
  ['参与', 'participant'],
  ['协同', 'participant'],
  ['时限', 'deadline'],
  ['完成时限', 'deadline'],
  ['完成时间', 'deadline'],
  ['完成期限', 'deadline'],
  ['时间节点', 'deadline'],
  ['时间进度', 'deadline'],
  ['进度安排', 'deadline'],
  ['时限要求', 'deadline'],
  ['办结时限', 'deadline'],
  ['办结时间', 'deadline'],
  ['截止时间', 'deadline'],
  // Rectification lists (整改方案, 问题整改清单): 整改时限：2024年9月30日前 / 整改期限：长期坚持.
  ['整改时限', 'deadline'],
  ['整改期限', 'deadline'],
  ['整改时间', 'deadline'],
  ['责任领导', 'person'],
  ['牵头领导', 'person'],
  ['牵头负责领导', 'person'],
  ['分管领导', 'person'],
  ['联系领导', 'person'],
  ['责任人', 'person'],
  ['牵头市领导', 'person'],
  ['牵头区领导', 'person'],
  ['牵头县领导', 'person'],
  ['牵头省领导', 'person'],
  ['适用范围', 'scope'],
  ['推广范围', 'scope'],
  ['实施范围', 'scope'],
  ['分管省领导', 'person'],
  ['分管市领导', 'person'],
  ['分管区领导', 'person'],
  ['分管县领导', 'person'],
];

const ROLE_BY_LABEL = new Map(LABEL_ROLES);

// Longest label first so that 主办单位 wins over 主办.
const LABEL_SOURCE = [...ROLE_BY_LABEL.keys()].sort((a, b) => b.length - a.length).join('|');

/** A role label followed by its colon, anywhere in a text (global, for scanning). */
export const ROLE_LABEL = new RegExp(`(${LABEL_SOURCE})[：:]`, 'gu');
/** A line that starts with a role label: `责任单位：…`, `完成时限：…`. */
export const ROLE_LABEL_LINE = new RegExp(`^(?:${LABEL_SOURCE})[：:]`, 'u');
/**
 * A role label printed between square brackets instead of before a colon (`【牵头单位】市民政局【配合单位】市财政局`,
 * `〔责任单位〕…`): text.ts rewrites it to the colon form, so every later stage reads one form.
 */
export const BRACKETED_ROLE_LABEL = new RegExp(`[【〔](${LABEL_SOURCE})[】〕]`, 'gu');
/** Cheap pre-check: every label ends in one of these characters followed by a colon. */
const LABEL_HINT = /[位门办限间点度排求体导人工围室头责合与同][：:]/u;

/**
 * A deadline label later on a role line (`问题整改责任单位：市科技馆 整改时限：3天`; the space between the fields is gone by
 * the time lines are read).
 */
const SAME_LINE_DEADLINE_LABEL = new RegExp(
  `.(?:${[...ROLE_BY_LABEL]
    .filter(([, role]) => role === 'deadline')
    .map(([label]) => label)
    .join('|')})[：:]`,
  'u',
);

/** True when a role line also carries its deadline field (two fields on one line). */
export function carriesDeadlineField(text: string): boolean {
  return SAME_LINE_DEADLINE_LABEL.test(text);
}

/** A four-character party label opening a text with a semicolon for its colon (see labelledSegments). */
const LABEL_TYPO = /^(责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门)[；;]/u;
const FULL_SEMICOLON = 0xff1b;

/** Longest label, in characters. */
const MAX_LABEL = Math.max(...[...ROLE_BY_LABEL.keys()].map((l) => l.length));

/** A line that starts with a role label (`责任单位：…`); a cheap colon check keeps the regex off most lines. */
export function startsWithRoleLabel(text: string): boolean {
  for (let i = 2; i <= MAX_LABEL && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return ROLE_LABEL_LINE.test(text);
  }
  return false;
}

/**
 * An item whose labelled fields follow it on the same line, separated by spaces like table cells
 * (`1.新增安装300套设备。 牵头领导:王某 责任单位:市公安局 项目责任人:李某 配合单位:市城管局 实际完成情况:…`):
 * the item (the chunks before the first label) and the chunks that open on a role label, in order. Chunks after a
 * label that open on none (项目责任人:…, 实际完成情况:…, a flattened sub-table) are dropped. Null unless a party
 * label (not only 牵头领导 or 完成时限) follows the item outside any bracket.
 */
export function spacedLabelledFields(raw: string): { item: string; fields: string[] } | null {
  const chunks = raw.trim().split(/[ \u3000\t]+/u);
  const first = chunks.findIndex((c, k) => k > 0 && ROLE_LABEL_LINE.test(c));
  if (first < 1) return null;
  const item = chunks.slice(0, first).join(' ');
  // Labels inside an open bracket (（牵头单位:A  责任单位:B）) are a bracket annotation, not fields.
  if ((item.match(/[（(]/gu)?.length ?? 0) !== (item.match(/[）)]/gu)?.length ?? 0)) return null;
  const fields = chunks.slice(first).filter((c) => ROLE_LABEL_LINE.test(c));
  const names = fields.map((f) => /^[^：:]+/u.exec(f)?.[0] ?? '');
  if (
    !names.some((n) => {
      const r = roleOfLabel(n);
      return r !== null && r !== 'deadline' && !namesNoParty(r);
    })
  )
    return null;
  return { item, fields };
}

export function roleOfLabel(label: string): LabelRole | null {
  return ROLE_BY_LABEL.get(label) ?? null;
}

export interface LabelledSegment {
  label: string;
  role: LabelRole;
  /** The value up to the next label, edge punctuation removed. */
  value: string;
}

export interface LabelledText {
  /** Text before the first label (often empty). */
  head: string;
  segments: LabelledSegment[];
}

/** A segment that names no party: a leader (责任领导：…) or a scope (适用范围：…). */
export function namesNoParty(role: LabelRole): role is 'person' | 'scope' {
  return role === 'person' || role === 'scope';
}

/** Splits `牵头单位：A，配合单位：B；完成时限：2022年底前` into its labelled segments, or null when there is no label. */
export function labelledSegments(raw: string): LabelledText | null {
  // `（责任单位;住建局、畜牧局）`: a semicolon typed for the colon right after the opening label.
  const typo =
    raw.charCodeAt(4) === FULL_SEMICOLON || raw.charCodeAt(4) === 0x3b ? LABEL_TYPO.exec(raw) : null;
  const text = typo ? `${typo[1] ?? ''}：${raw.slice(typo[0].length)}` : raw;
  if (!LABEL_HINT.test(text)) return null;
  const found: { at: number; end: number; label: string }[] = [];
  ROLE_LABEL.lastIndex = 0;
  for (let m = ROLE_LABEL.exec(text); m !== null; m = ROLE_LABEL.exec(text)) {
    found.push({ at: m.index, end: m.index + m[0].length, label: m[1] ?? '' });
  }
  if (found.length === 0) return null;
  const trim = (s: string) => s.replace(/^[，、；。：\s]+|[，、；。：\s]+$/gu, '');
  const segments = found.map((f, i) => ({
    label: f.label,
    role: roleOfLabel(f.label) ?? 'responsible',
    value: trim(text.slice(f.end, found[i + 1]?.at ?? text.length)),
  }));
  return { head: trim(text.slice(0, found[0]?.at ?? 0)), segments };
}

/**
 * A document-wide rule: `以下各项措施均需各县（市、区）政府、开发区管委会落实，不再一一列出` — the parties (group 1)
 * join every measure below it. Found in running text and inside a bracket annotation.
 */
export const DOCUMENT_WIDE_RULE =
  /[。；，]?(?:以下|下列|本方案|本意见|本通知|本细则|本措施|具体)?(?:各项|所有)?(?:政策)?(?:措施|任务|工作|重点任务|工作任务|政策措施|事项)?均(?:需|须|由|要|应|涉及)(.{2,60}?)(?:负责)?(?:组织)?(?:抓好)?(?:落实)?[，,]?(?:不再一一列出|不再一一列明|不再逐一列出|不再单独列出|不再单列|不再重复列出|不再列出|不再做分工|不再分工|不再一一分工)(?:[，,]?下同)?[。；]?/u;

/**
 * `除特别注明的外，各县（市、区）政府和…管委会都是配合单位`: the parties (group 1) take part in every measure below it; the
 * paragraph stating it gives them no part of its own duties.
 */
export const EXCEPT_NOTED_RULE =
  /除(?:特别|另行|另有|单独)?(?:注明|说明|标注|列明)(?:的)?(?:外|以外)，?([^。；]{2,60}?)(?:均|都)(?:是|为|作为|列为)(?:配合|参与|协办|协作)单位/u;

/**
 * `各地各部门`, `各乡镇各部门`, `各区各部门` (heldout-15 wh), `各地各有关部门` written without a separator, also after the
 * level's scope (`全省各地各部门` → 全省各地 + 各部门): the places and the departments are two parties
 * (`各部门各单位` is one side and stays one name, also after the places: `各地各部门各单位` → 各地 + 各部门各单位).
 */
const GLUED_LEVELS =
  /^((?:全[省市县区州旗])?各(?:地区?|乡镇|街道|县区|区县|县市区|区|县|镇|乡|旗))(各(?:有关|相关)?(?:部门|单位)(?:各(?:有关|相关)?单位)?)$/u;

/**
 * A body named by its role in the work (`牵头单位`, `责任部门`, `汇总单位`): the second half of `各牵头单位和责任单位`, one
 * collective with the first (prose-parties.ts, notice.ts).
 */
export const ROLE_WORD = '(?:牵头|责任|配合|参与|协同|协办|主办|承办|汇总)(?:单位|部门)';

/** `各级各部门各乡镇`, `各部门各街道`: the departments, then the townships written on: two parties as well. */
const GLUED_TOWNSHIPS_AFTER = /^((?:各级)?各(?:有关|相关)?部门)(各(?:乡镇|街道|镇街|镇|乡))$/u;

export function splitGluedLevels(name: string): string[] {
  const glued = GLUED_LEVELS.exec(name) ?? GLUED_TOWNSHIPS_AFTER.exec(name);
  return glued ? [glued[1] ?? '', glued[2] ?? ''] : [name];
}

/**
 * `市政府将2015年政府工作任务分解为15项工作目标…，现下达给你们`: the issuing government announcing it hands the tasks
 * down (the covering sentence of a 任务分解 notice) gives itself no duty (LABELLING §2, covering lines;
 * read by notice.ts and prose-sentence.ts).
 */
export const HANDED_DOWN = /^将[^。；]{2,80}?(?:分解|下达|印发|分配)[^。；]{0,60}?给你们/u;
