// Classes of units named by a relative clause (`承担科研任务的单位`, `不涉及…整改的其他单位`): the clause is the only
// delimiter of the class, so it is kept as written (LABELLING §4); shared by the prose reader and the notice reader.

/**
 * Never a clause opening on a preposition or a governing verb (`对进展缓慢的单位`, `督促…的单位`: the units are an
 * object), nor on a scope word (`各项重点工作的牵头单位` names the role collective 牵头单位, read as such elsewhere).
 */
export const CLAUSE_OPEN = '(?![对向把将为给由在按经从据根各该本全督指鼓支推要请])';
const CLASS_WORD = '的(?:其他|相关|有关)?(?:责任|牵头|承办)?(?:单位|部门)';

/**
 * `没有开展整改的部门及整改不彻底的部门` (two clauses of one class joined by 及: one party), `承办数量较多的单位`; in
 * prose no 、 (a list of parties is split before its items are tested).
 */
const RELATIVE_CLASS = new RegExp(`^${CLAUSE_OPEN}[^，。；：、]{2,40}?${CLASS_WORD}$`, 'u');

/** `本通报中没有开展整改的部门`: the document the class is found in is a scope, not part of the name. */
const SCOPE = /^(?:本|该|此次|这次)(?:通报|通知|文件|方案|清单|名单)中/u;

/** The class named by `text`, its scope dropped (null unless the whole text is one relative class). */
export function relativeClass(text: string): string | null {
  // Read for every party list of the prose: the class word ends it (the scope dropped opens it), so that first.
  if (!(text.endsWith('单位') || text.endsWith('部门')) || !text.includes('的')) return null;
  const name = text.replace(SCOPE, '');
  return RELATIVE_CLASS.test(name) ? name : null;
}

/**
 * A notice sentence opening on such a class set off from its duty by a comma (`承担省、市《政府工作报告》和市十件
 * 实事办理任务的责任单位，要加强…`, `承办数量较多的单位，应由…`): the comma makes the clause a subject of its own, so it
 * may be long and hold 、 and 《》 (run into its verb, `承办…的责任单位要`, the clause is dropped, as a qualifier).
 */
export const RELATIVE_COMMA_SUBJECT = new RegExp(
  `^(${CLAUSE_OPEN}[^，。；：]{2,40}?${CLASS_WORD})，([也还]?(?:要(?!求)|应|须|需|务必))`,
  'u',
);
const RELATIVE_COMMA_NAME = new RegExp(`^${CLAUSE_OPEN}[^，。；：]{2,40}?${CLASS_WORD}$`, 'u');

/** Whether a notice subject is a class named this way (its 、 and 《》 belonging to the clause). */
export function isRelativeSubject(name: string): boolean {
  return name.includes('的') && RELATIVE_COMMA_NAME.test(name);
}
