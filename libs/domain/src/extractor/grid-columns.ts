import { roleOfLabel } from './roles';
import { normalizeText } from './text';
import type { LabelRole } from './roles';

/**
 * What a table column holds, read from its header cell wherever it stands: the row number, the task (its
 * content), the parties (lead / responsible / participants), the deadline, reported progress, a leader's name.
 * The grid reader maps every header cell through here; the role words are the annotation grammar's labels
 * (roles.ts) plus the column names only tables use (工作任务, 项目内容, 2022年预期目标 …).
 */

export type ColumnRole =
  'number' | 'task' | 'lead' | 'responsible' | 'participants' | 'deadline' | 'progress' | 'person' | 'other';

/** A task (content) column's header: 工作任务, 主要内容, 改革举措, 2022年预期目标 … */
const TASK_COLUMN =
  /^(?:\d{4}年度?)?(?:(?:主要|重点)?工作(?:任务|措施|内容|要求|目标)|改革举措|(?:重点|民生)?(?:实事|项目)(?:内容|名称|项目)?|民生实事|建设(?:内容|任务|项目)|(?:预期|主要|年度)?目标|(?:考核|评价|监测|量化)?指标(?:要求|名称|内容)?|考核(?:内容|事项|要求)|主要(?:内容|任务|措施)|重点(?:任务|工作)|具体(?:措施|举措|任务|内容|要求)|任务(?:内容|名称)?|事项|举措|内容|(?:全年|年度)?目标任务|(?:工作)?内容与要求|目标要求|(?:工作)?(?:举措|措施)(?:及|和|与)(?:实施|推进|进度)?计划|(?:实施|推进|进度)计划|(?:年度)?计划名称|(?:工作|主要)?职责(?:分工|任务)?|整改(?:措施|任务|内容|要求|目标|举措)|(?:督办|交办|任务|工作|重点)事项|(?:工作|推进|主要)(?:举措|措施)|任务要求|主要指标|(?:存在|反馈|发现|巡察|审计)?(?:的)?问题(?:清单|描述|表现|内容)?)$/u;

const COLUMN_ROLES: readonly (readonly [RegExp, ColumnRole])[] = [
  [/^(?:序号|编号|序)$/u, 'number'],
  [
    /^(?:牵头(?:责任|负责)?(?:单位|部门)|主办(?:单位|部门)?|主责(?:单位|部门)|主要责任(?:单位|部门))$/u,
    'lead',
  ],
  [
    /^(?:(?:具体)?责任(?:单位|部门|主体|科室)|负责(?:单位|部门)|承办(?:单位|部门)|承担(?:单位|部门)|落实(?:单位|部门)|指导(?:单位|部门)|实施(?:单位|主体)|检查主体|[科股]室|相关(?:单位|部门)|职能部门|主体责任(?:单位|部门))$/u,
    'responsible',
  ],
  [
    /^(?:(?:配合|协同|协作|其他)(?:责任)?(?:单位|部门)|协办(?:单位|部门)?|参与(?:单位|部门)|责任主体(?:与|和|及)(?:协同|配合)(?:单位|部门))$/u,
    'participants',
  ],
  [
    /^(?:(?:抽查|检查)?(?:计划|预计)?完成(?:时限|时间|期限|日期|节点)|办结(?:时限|时间|期限)|截止(?:时间|日期)|时间(?:节点|进度|安排|要求)|进度(?:安排|要求)?|时限(?:要求)?|(?:计划)?开展时间|(?:完成)?整改(?:时限|期限|时间)|办理(?:时限|期限))$/u,
    'deadline',
  ],
  [TASK_COLUMN, 'task'],
  // Reported progress (also per period: 1-10月推进情况) is not the measure's text.
  // `进展情况、存在问题及下一步打算`, `目标完成情况`, `一季度目标` (a quarterly progress report's own columns).
  [
    /^(?:[\d\-—～~至月]{2,8}|[一二三四]季度|上半年|全年|目标)?(?:进展情况|完成情况|工作进展|推进情况|落实情况|进度情况|整改情况)(?:[、，及和][\u4e00-\u9fff、及和]{2,16})?$|^[一二三四]季度(?:目标|任务|计划)$/u,
    'progress',
  ],
  // A leader's name (分管领导：徐某) is not a party.
  [/^(?:(?:分管|责任|牵头|包抓|包保|联系)(?:[省市县区])?领导|整改责任人)$/u, 'person'],
];

/** A 序号 cell: 1, 12., 3、 or a numeral (一、二 …, tables that number their rows in words). */
export const ROW_NUMBER = /^(?:\d{1,3}|[一二三四五六七八九十]{1,3})[.．、]?$/u;

/**
 * A cell that names a unit (城管局, 相关街道, `各乡镇(街道)` with its qualifier, a unit's own section `财务科` / `特种设备股`), not a
 * person (徐某某) or a figure; also with its role verbs (`市发改委牵头落实`, `A、B分别牵头落实`, `办公室牵头,各科室配合`,
 * `局防控办主办、各工作组协办`, `A、B等按职责分工落实`: a party cell that says how its units answer).
 */
const UNIT_END =
  /[局委办厅部门府室处心队站院所会组团区县市镇乡道位司行社科股](?:\s*[（(][^（）()]{1,10}[）)])?$/u;
const ROLE_PHRASE_CELL =
  /^[^。；由]{2,60}[局委办厅部门府室处心队站院所会组团区县市镇乡道位司行社科股](?:分别|共同|等)?(?:牵头|负责|主办|协办|配合|参与|按职责(?:分工)?(?:负责|落实))(?:落实|实施)?$/u;
/** Last characters of the role phrases ROLE_PHRASE_CELL accepts: the per-cell screen before that regex runs. */
const ROLE_PHRASE_ENDS = '头责办合与实施';

export const UNIT_CELL = {
  test(cell: string): boolean {
    return (
      UNIT_END.test(cell) ||
      (ROLE_PHRASE_ENDS.includes(cell.charAt(cell.length - 1)) && ROLE_PHRASE_CELL.test(cell))
    );
  },
};

/**
 * A party cell holding several units on lines of their own, joined with a space when the row was rebuilt
 * (`县海洋与渔业局 县农业农村局`): a list, as if separated by 、. Other cells are returned as they are.
 */
function partyCell(role: ColumnRole, cell: string): string {
  if (role !== 'lead' && role !== 'responsible' && role !== 'participants') return cell;
  const parts = cell.trim().split(/[ \u3000]+/u);
  // `各县区(开发区) 安委会`: a qualifier before a space belongs to the name after it, never a unit of its own.
  return parts.length > 1 && parts.every((p) => p.length >= 3 && UNIT_CELL.test(p) && !/[）)]$/u.test(p))
    ? parts.join('、')
    : cell;
}

/** A row's cells in the columns of one role, normalised, empty ones left out. */
export function cellsOfRole(
  roles: readonly ColumnRole[],
  cells: readonly string[],
  role: ColumnRole,
): string[] {
  return roles
    .flatMap((r, k) => (r === role ? [normalizeText(partyCell(role, cells[k] ?? ''))] : []))
    .filter(Boolean);
}

/**
 * A unit alone in the unnamed column right after the partner column (`…	市场监管局	市税务局` under `参与部门	备注`): the
 * partner cell, printed on two lines, was split in two when the page was stored; the unit takes part.
 */
export function spilledPartner(roles: readonly ColumnRole[], cells: readonly string[]): string | null {
  const k = roles.lastIndexOf('participants') + 1;
  if (k === 0 || roles[k] !== 'other') return null;
  const cell = normalizeText(cells[k] ?? '');
  return cell.length >= 3 && cell.length <= 12 && /^[\u4e00-\u9fff]+$/u.test(cell) && UNIT_CELL.test(cell)
    ? cell
    : null;
}

export const HAS_DEPARTMENT_COLUMN = /(?:单位|部门|主办|协办|主体|[科处股]室)/u;

/** A category row spanning the table: an enumerated heading (一、教育, （二）卫生健康, 第三类). */
const GROUP_ROW =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十]{1,3}[）)]|第[一二三四五六七八九十]{1,3}[类项部])/u;

export function isGroupRow(text: string): boolean {
  return text.length <= 40 && GROUP_ROW.test(text);
}

/**
 * A header without a task word (`序号 2022年预期目标 责任单位`, `序号 实施地点 牵头单位`): the first unnamed
 * column before the party columns holds the row's content. Renames it in place; false when there is none.
 */
export function nameContentColumn(roles: ColumnRole[]): boolean {
  const party = roles.findIndex((r) => r === 'lead' || r === 'responsible');
  const content = roles.findIndex((r, k) => r === 'other' && k < party);
  if (content < 0) return false;
  roles[content] = 'task';
  return true;
}

/** The annotation grammar's label roles as column roles (scope columns, 推广范围, hold no party). */
const COLUMN_OF_LABEL: Readonly<Record<LabelRole, ColumnRole>> = {
  lead: 'lead',
  responsible: 'responsible',
  participant: 'participants',
  deadline: 'deadline',
  person: 'person',
  scope: 'other',
};

/**
 * columnRole(header) === 'task', told by the task pattern first: no other pattern or label gives 'task', and most
 * short lines of a document (asked whether they open a one-cell-per-line header) match none of the patterns.
 */
export function isTaskColumn(header: string): boolean {
  return TASK_COLUMN.test(header) && columnRole(header) === 'task';
}

export function columnRole(header: string): ColumnRole {
  for (const [pattern, role] of COLUMN_ROLES) if (pattern.test(header)) return role;
  const label = roleOfLabel(header);
  return label ? COLUMN_OF_LABEL[label] : 'other';
}

export const PARTY_ROLES: readonly ColumnRole[] = ['lead', 'responsible', 'participants'];
