import { departmentKind } from '../departments/registry';
import {
  CLAUSE_SEPARATORS,
  COUNTED_LOCAL,
  isMixedBareList,
  parseItems,
  splitTopLevel,
  topLevelIndexes,
} from './party-list';
import { splitTimeClause, TIME_WORD } from './bracket-time';
import type { DepartmentSubUnit, Strictness } from './party-list';
import { DOCUMENT_WIDE_RULE, labelledSegments, namesNoParty } from './roles';
import type { ParsedResponsibility } from './types';

export type { DepartmentSubUnit } from './party-list';

/** Options in force for a document when an annotation is parsed. */
export interface AnnotationOptions {
  /** A 排在第一位的部门为牵头部门，下同 / 列第一位者为牵头部门，下同 declaration is in force for this document. */
  firstIsLead: boolean;
  /**
   * Issued by a local government: the open rest of `A、B等相关部门按职责分工负责` takes part (LABELLING §3). The corpus
   * labels of national documents drop it, so the reading is kept to local documents.
   */
  localDocument?: boolean;
}

export type DepartmentColumn = 'lead' | 'participants' | 'responsible';

/**
 * A parsed responsibility plus the bureau qualifiers that were split off the names. Names in
 * `lead`/`participants` are the units without their （bureau） qualifier, so that the lead set of
 * a table cell `工 业 和 信 息 化 部（信管局）` is 工业和信息化部; the bureau is kept in `subUnits`.
 */
export interface ParsedAnnotation extends ParsedResponsibility {
  subUnits?: DepartmentSubUnit[];
}

export type Role = 'lead' | 'responsible' | 'participant' | 'implement' | 'bare';

interface Named {
  name: string;
  role: Role;
}

/** Whole-bracket look-alikes: definitions, editorial notes, document status, exceptions. */
const LOOKALIKE_START =
  /^(?:含|包含|包括|不含|不包括|以下简称|以下统称|以下称|简称|统称|下称|试行|暂行|此件公开发布|此件|节选|摘录|讨论稿|征求意见稿|注|见|详见|参见|如|即|例如|其中|指)/;
const LOOKALIKE_END = /(?:除外|下同|为准|等等)$/;
const DIGIT = /[0-9０-９]/;
/**
 * Every annotation ends in a verb or a unit word; checking the last characters first keeps the
 * thousands of prose parentheticals of a compilation away from the clause parser.
 */
const PLAUSIBLE_END =
  /(?:负责|负总责|牵头|参与|参加|配合|协助|协同|落实|实施|指导|下同|县级市|[部委局办署行院会厅室府门位司组心团等区队镇道处联协社站所馆台〕）])$/;

/**
 * The lead convention (`排在第一位的部门为牵头部门`, also `排名第一的为牵头单位` without 位), possibly glued to the list by 。 or ，; the lead may share its role with the unit that
 * collects the reports (列第一位者为牵头或汇总单位, 列第一位的责任单位为牵头单位或汇总单位).
 */
export const FIRST_IS_LEAD =
  /[，。；]?(?:(?:(?:排在|排名|排|列在|列|位列|居)?(?:第一位|首位)|(?:排在|排名|列在|位列)第一)(?:的|者)?(?:责任)?(?:部门|单位)?|(?:排在|列)?第一个(?:的)?(?:部门|单位)?|第一责任(?:部门|单位))为(?:工作)?牵头(?:(?:部门|单位)(?:或汇总(?:部门|单位))?|或汇总(?:部门|单位))[，。；]?(?:下同)?[。；，]?/g;

const DECLARES_FIRST_IS_LEAD = new RegExp(FIRST_IS_LEAD.source);

const WHITESPACE = /[\s\u3000\u00a0\u200b\ufeff]+/g;

/** Verb phrases closing a clause, longest first so that 按职责分工牵头负责 wins over 负责. */
const CLAUSE_VERB =
  /(?:(?:按照?职[责能](?:分工)?)?(?:分别|共同)?牵头(?:负责|落实|实施)?|负总责|(?:按照?职[责能](?:分工)?)?(?:分别|共同|具体)?负责(?:落实|实施)?|(?:分别|共同)?(?:负责)?指导|(?:分别|共同)?(?:参与|参加|配合|协助|协同|协办)|(?:分别|共同|具体|抓好|组织)?(?:落实|实施)|主办|承办)$/;
// 负总责: the party answering for the whole leads the others named beside it.
const LEAD_VERB = /牵头|主办|负总责/;
const PARTICIPANT_VERB = /(?:参与|参加|配合|协助|协同|协办)$/;
/** 落实 after other named parties (…负责，各地级以上市政府落实): the trailing parties carry it out, as participants. */
const IMPLEMENT_VERB = /(?:落实|实施)$/;
const BY_DUTY = /^按照?职[责能]/;
const BY_DUTY_TAIL = /按照?职[责能](?:分工)?(?:分别)?$/;
const HUITONG = '会同';
const HUITONG_LEFT_TAIL = /(?:分别|共同)?(?:牵头)?(?:分别)?$/;

/** Any character normalizeAnnotationText rewrites: most annotations come normalised and skip the replaces. */
const ANNOTATION_REWRITES = /[\s\u3000\u00a0\u200b\ufeff<〈＜>〉＞(),:;]/;

/**
 * Full-width punctuation as the extractor produces it; tolerant of raw ASCII input. Angle brackets stand in for
 * parentheses nested in a bracket (（…各县<市、区>人民政府…）): they are read as （）.
 */
export function normalizeAnnotationText(raw: string): string {
  if (!ANNOTATION_REWRITES.test(raw)) return raw;
  return raw
    .replace(WHITESPACE, '')
    .replace(/[<〈＜]/g, '（')
    .replace(/[>〉＞]/g, '）')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/:/g, '：')
    .replace(/;/g, '；');
}

interface ClauseParse {
  openCollective?: string;
  named: Named[];
  openList: boolean;
  subUnits: DepartmentSubUnit[];
  hasVerb: boolean;
  valid: boolean;
}

function roleOfVerb(verb: string): Role {
  if (LEAD_VERB.test(verb)) return 'lead';
  if (PARTICIPANT_VERB.test(verb)) return 'participant';
  // 按职责分工落实 closing a cell (`A、B等按职责分工落实`): the named units answer for it, as with 按职责分工负责.
  if (IMPLEMENT_VERB.test(verb) && !verb.startsWith('负责') && !BY_DUTY.test(verb)) return 'implement';
  return 'responsible';
}

/** Adds the names of `list` to a clause's parse (a module-level function: tsx's keepNames makes closures costly). */
function addItems(
  parse: ClauseParse,
  list: string,
  strictness: Strictness,
  role: Role,
  fromHuitong: boolean,
): void {
  const items = parseItems(list, strictness);
  if (!items.valid || items.names.length === 0) parse.valid = false;
  parse.openList ||= items.openList;
  parse.subUnits.push(...items.subUnits);
  for (const name of items.names) {
    parse.named.push({ name, role: items.marked.includes(name) ? 'lead' : role });
    // 会同相关部门 / 会同有关部门: the partners are not enumerated.
    if (fromHuitong && departmentKind(name) === 'collective') parse.openList = true;
  }
  for (const name of items.trailing) parse.named.push({ name, role: 'participant' });
  if (items.openCollective) parse.openCollective = items.openCollective;
}

function parseClause(clause: string, strictness: Strictness): ClauseParse {
  const parse: ClauseParse = { named: [], openList: false, subUnits: [], hasVerb: false, valid: true };
  const verbMatch = CLAUSE_VERB.exec(clause);
  let verb = verbMatch ? verbMatch[0] : '';
  // （由市公安局牵头负责）: the 由 of a designation before a verb is no part of the name.
  let named = verbMatch ? clause.slice(0, verbMatch.index) : clause;
  // `A、B等按职责分工落实`: the duty phrase before 落实 belongs to the verb (read like 按职责分工负责, roleOfVerb).
  const byDuty = verb.length <= 4 && IMPLEMENT_VERB.test(verb) ? BY_DUTY_TAIL.exec(named) : null;
  if (byDuty) {
    verb = byDuty[0] + verb;
    named = named.slice(0, byDuty.index);
  }
  const body = verbMatch && named.startsWith('由') ? named.slice(1) : named;
  parse.hasVerb = verb.length > 0;

  const huitong = topLevelIndexes(body, HUITONG);
  const at = huitong[0];
  if (at !== undefined) {
    parse.hasVerb = true;
    const left = body.slice(0, at).replace(HUITONG_LEFT_TAIL, '');
    addItems(parse, left, strictness, 'lead', false);
    addItems(parse, body.slice(at + HUITONG.length), strictness, 'participant', true);
    return parse;
  }
  if (body.length === 0) {
    // A verb with nothing before it (…，按职责分工负责) qualifies the previous clause.
    parse.valid = verb.length > 0;
    return parse;
  }
  addItems(parse, body, strictness, verb ? roleOfVerb(verb) : 'bare', false);
  return parse;
}

interface ParseCore {
  named: Named[];
  openList: boolean;
  subUnits: DepartmentSubUnit[];
  hasVerb: boolean;
  declaresFirstIsLead: boolean;
  deadlineText?: string;
  openCollective?: string;
  /** The annotation used role labels (责任单位：…). */
  labelled?: boolean;
}

function parseCore(text: string, strictness: Strictness): ParseCore | null {
  let declaresFirstIsLead = false;
  const body = text.replace(FIRST_IS_LEAD, () => {
    declaresFirstIsLead = true;
    return '，';
  });
  const core: ParseCore = { named: [], openList: false, subUnits: [], hasVerb: false, declaresFirstIsLead };
  const labelled = labelledSegments(body);
  if (labelled) {
    core.labelled = true;
    if (labelled.head !== '' && !parseClauses(core, labelled.head, strictness)) return null;
    for (const segment of labelled.segments) {
      if (segment.role === 'deadline') {
        core.deadlineText = segment.value;
        continue;
      }
      if (namesNoParty(segment.role)) continue;
      if (segment.value === '' || segment.value === '无') continue;
      // A label is a role verb: the names after it need only look like names (unknown ones are flagged later).
      core.hasVerb = true;
      const before = core.named.length;
      if (!parseClauses(core, segment.value, 'labelled')) return null;
      const added = core.named.slice(before);
      // 责任单位：市工信局、市财政局，各县区人民政府、园区管委会 — the label governs every party after it: the local
      // group after the comma is as responsible as the departments (every blind reading of it, LABELLING §3).
      for (const named of added) {
        if (named.role === 'bare' || named.role === 'responsible') named.role = segment.role;
      }
    }
  } else if (!parseClauses(core, body, strictness)) return null;
  if (core.named.length === 0 && !declaresFirstIsLead && core.deadlineText === undefined) return null;
  return core;
}

/** Adds the clauses of `body` to `core`; false when a clause is not part of an annotation. */
function parseClauses(core: ParseCore, body: string, strictness: Strictness): boolean {
  const clauses = splitTopLevel(body, CLAUSE_SEPARATORS).filter((clause) => clause.length > 0);
  for (const clause of clauses) {
    const parse = parseClause(clause, strictness);
    if (!parse.valid) return false;
    if (parse.named.length === 0) {
      // A bare verb clause: the verb applies to the bare names just before it.
      const verbMatch = CLAUSE_VERB.exec(clause);
      const role = verbMatch ? roleOfVerb(verbMatch[0]) : 'responsible';
      for (const named of core.named) if (named.role === 'bare') named.role = role;
      core.hasVerb = true;
      continue;
    }
    core.hasVerb ||= parse.hasVerb;
    core.openList ||= parse.openList;
    if (parse.openCollective) core.openCollective = parse.openCollective;
    core.subUnits.push(...parse.subUnits);
    core.named.push(...parse.named);
  }
  return true;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Applies the lead rules of the issue to the roles found in the text. */
function assignRoles(core: ParseCore, options: AnnotationOptions): ParsedAnnotation {
  const firstIsLead = options.firstIsLead;
  // 落实 after other parties (…负责，各地级以上市政府落实) makes the trailing parties participants; alone it is 负责.
  const others = core.named.some((named) => named.role !== 'implement');
  for (const named of core.named)
    if (named.role === 'implement') named.role = others ? 'participant' : 'responsible';
  const ruleInForce = firstIsLead || core.declaresFirstIsLead;
  const explicitLead = core.named.some((named) => named.role === 'lead');
  let lead: string[];
  let participants: string[];
  let joint = false;
  if (explicitLead) {
    lead = core.named.filter((named) => named.role === 'lead').map((named) => named.name);
    participants = core.named.filter((named) => named.role !== 'lead').map((named) => named.name);
  } else if (ruleInForce) {
    const first = core.named.find((named) => named.role !== 'participant') ?? core.named[0];
    lead = first ? [first.name] : [];
    participants = core.named.filter((named) => named !== first).map((named) => named.name);
    // (海关总署、商务部等有关部门负责) under 排在第一位…: the unnamed rest of the open list participates too.
    if (core.openCollective) participants.push(core.openCollective);
  } else if (core.named.some((named) => named.role === 'participant')) {
    lead = core.named.filter((named) => named.role !== 'participant').map((named) => named.name);
    participants = core.named.filter((named) => named.role === 'participant').map((named) => named.name);
  } else {
    lead = core.named.map((named) => named.name);
    participants = [];
    joint = lead.length > 0;
  }
  // …等有关部门 with other participants named: the unnamed rest of the open list participates too.
  if (
    core.openCollective &&
    !ruleInForce &&
    (core.labelled === true || options.localDocument === true) &&
    !participants.includes(core.openCollective)
  )
    participants.push(core.openCollective);
  const leadSet = unique(lead);
  const result: ParsedAnnotation = {
    lead: leadSet,
    participants: unique(participants).filter((name) => !leadSet.includes(name)),
    joint,
    openList: core.openList,
    declaresFirstIsLead: core.declaresFirstIsLead,
  };
  if (core.subUnits.length > 0) result.subUnits = core.subUnits;
  if (core.deadlineText !== undefined) result.deadlineText = core.deadlineText;
  return result;
}

function trimEdges(text: string): string {
  return text.replace(/^[，、；。：]+|[，、；。：]+$/g, '');
}

/**
 * Parses the inside of a bracket (brackets removed, whitespace removed, punctuation full-width)
 * and returns the responsibility it states, or null when it is not a responsibility annotation
 * (（含…，下同）, （以下简称…）, （试行）, （此件公开发布）, ordinary parentheticals …).
 *
 * A list with a verb (负责/牵头/参与/会同 …) may name units the registry does not know, as long
 * as they look like unit names; a bare list without a verb is an annotation only when every item
 * is in the registry, which tells （邮政局） from （信管局） or （负面清单）.
 */
export function parseBracketAnnotation(inner: string, options: AnnotationOptions): ParsedAnnotation | null {
  // A document-wide rule stated inside the bracket applies to the measures below (measures.ts), not here.
  const whole = trimEdges(normalizeAnnotationText(inner).replace(DOCUMENT_WIDE_RULE, ''));
  if (whole.length === 0) return null;
  // Cheap screen: only a bracket with a digit or an undated time word can carry a time clause.
  const { rest: text, time } =
    DIGIT.test(whole) || TIME_WORD.test(whole) ? splitTimeClause(whole) : { rest: whole };
  if (text.length === 0) return null;
  const parsed = parseAnnotationText(text, options);
  if (parsed && time !== undefined && parsed.deadlineText === undefined) parsed.deadlineText = time;
  return parsed;
}

function parseAnnotationText(text: string, options: AnnotationOptions): ParsedAnnotation | null {
  const labelled = labelledSegments(text);
  if (labelled) {
    // Labelled roles: only the time label may carry digits; the label itself makes it an annotation.
    const parties = labelled.segments.filter((s) => s.role !== 'deadline' && !namesNoParty(s.role));
    // （A、B按职责分工负责；完成时限：2025年底）: the parties may stand before the only (time) label.
    if (parties.length === 0 && labelled.head === '') return null;
    const names = labelled.head + parties.map((s) => s.value).join('');
    if (DIGIT.test(names) && DIGIT.test(names.replace(COUNTED_LOCAL, ''))) return null;
    if (LOOKALIKE_START.test(labelled.head)) return null;
    const core = parseCore(text, 'plausible');
    return core ? assignRoles(core, options) : null;
  }
  if (!PLAUSIBLE_END.test(text) || LOOKALIKE_START.test(text) || DIGIT.test(text)) return null;
  if (LOOKALIKE_END.test(text) && !DECLARES_FIRST_IS_LEAD.test(text)) return null;
  const plausible = parseCore(text, 'plausible');
  if (!plausible) return null;
  if (!plausible.hasVerb) {
    const strict = parseCore(text, 'lexicon');
    if (strict) return assignRoles(strict, options);
    return isMixedBareList(plausible.named.map((n) => n.name)) ? assignRoles(plausible, options) : null;
  }
  return assignRoles(plausible, options);
}

/** Parses a table cell under a 牵头部门 / 配合部门 / 负责部门 (负责单位) column header. */
export function parseDepartmentCell(
  cell: string,
  column: DepartmentColumn,
  options: AnnotationOptions,
): ParsedAnnotation | null {
  const text = splitRoleItems(trimEdges(normalizeAnnotationText(cell)));
  if (text.length === 0 || (DIGIT.test(text) && !labelledSegments(text))) return null;
  const core = parseCore(text, 'plausible');
  if (!core) return null;
  if (column === 'responsible' || labelledSegments(text)) return assignRoles(core, options);
  const names = unique(core.named.map((named) => named.name));
  const result: ParsedAnnotation = {
    lead: column === 'lead' ? names : [],
    participants: column === 'participants' ? names : [],
    joint: false,
    openList: core.openList,
    declaresFirstIsLead: core.declaresFirstIsLead,
  };
  if (core.subUnits.length > 0) result.subUnits = core.subUnits;
  return result;
}

/**
 * `局防控办主办、各工作组协办`: a cell whose items each close on their own role verb, set apart by 、 — the lead's verb
 * ends its clause as a comma would (read like `A主办，B协办`), never inside one list (`A、B牵头`).
 */
const ROLE_ITEM_JOIN = /(牵头|主办|主责)、(?=[^，；]{2,}(?:配合|协办|参与|协助|协同)$)/gu;

function splitRoleItems(text: string): string {
  return text.includes('、') ? text.replace(ROLE_ITEM_JOIN, '$1，') : text;
}

const FIELD_LABEL = /^(?:责任部门|责任单位|牵头部门|牵头单位|负责部门|负责单位)：/;
const SECOND_FIELD_LABEL = /；(?:配合|协办|协同|参与|责任|牵头|负责)(?:单位|部门)：/u;

/** Parses the value of a labelled 责任部门：/责任单位： field (the label itself is optional). */
export function parseResponsibilityField(value: string, options: AnnotationOptions): ParsedAnnotation | null {
  const normalized = normalizeAnnotationText(value);
  const text = normalized.replace(FIELD_LABEL, '');
  // Several labelled lines of one block (`牵头单位：A` then `责任单位：B，各区人民政府`): their roles are the labels',
  // read like one bracket — the 责任单位 under a 牵头单位 take part, they do not lead beside it.
  if (text !== normalized && SECOND_FIELD_LABEL.test(text)) {
    const labelled = parseBracketAnnotation(normalized, options);
    if (labelled) return labelled;
  }
  return parseDepartmentCell(text, 'responsible', options);
}
