// Sentence subjects carried from a past clause (`A今年已…，目前正会同…`), joined to the body just named (`林业局与该部…`) or named with a relative clause set off from their duty by a comma (`承办内地西藏中学和西藏班的有关
// 省（市）人民政府，要…`, `位于地震重点监视防御区的大中城市，应…`): read by the prose sentence reader (prose-sentence.ts).
import { provinceKinds } from './prose-org';
import { type ProseParties, proseParties } from './prose-parties';
import { CLAUSE_OPEN } from './relative-parties';

/** Never a clause opening on a preposition or a governing verb (`对进展缓慢的有关部门`: the departments are an object). */
const CLAUSE = new RegExp(`^${CLAUSE_OPEN}[^，。；：]{2,40}$`, 'u');
/** Places of a kind: the clause is their only delimiter, so it stays part of the name (LABELLING §4). */
const WITH_BODY = /^([\u4e00-\u9fff]{2,20}?)与([\u4e00-\u9fff]{2,20})$/u;
const PLACE_CLASS = /^(?:大中城市|城市|地区|地方|省份)$/u;
/** `已明确具体指标的部门和单位`: a bare class word left by the clause names no body (the relative classes are read elsewhere). */
const BARE_CLASS = /^(?:部门|单位|机构)/u;

/**
 * The parties written before a duty marker: a party list (or `各省、自治区、直辖市`), two bodies joined by 与; when a comma sets the subject off
 * (`setOff`), also a party after a relative clause, the clause dropped (`参与…的国务院有关部门和省级人民政府有关部门`
 * → the two), or a class of places kept with its clause as written.
 */
export function subjectParties(before: string, setOff: boolean): ProseParties | null {
  const parties = proseParties(before) ?? provinceKinds(before);
  if (parties) return parties;
  // `林业局与该部也正在研究…` (该部 resolved to the department named before it, prose-pronouns.ts): two bodies joined
  // by 与 as one subject, each a party (an unresolved 该部 is no party: the one before 与 is).
  const joined = before.includes('与') ? WITH_BODY.exec(before) : null;
  if (joined) {
    const other = joined[2] ?? '';
    const left = proseParties(joined[1] ?? '');
    const right = other.startsWith('该') ? { names: [], open: null } : proseParties(other);
    if (left && right) return { names: [...left.names, ...right.names], open: right.open ?? left.open };
  }
  if (!setOff) return null;
  const de = before.lastIndexOf('的');
  if (de < 2 || !CLAUSE.test(before.slice(0, de))) return null;
  const name = before.slice(de + 1);
  if (PLACE_CLASS.test(name)) return { names: [before], open: null };
  return name.length >= 2 && !BARE_CLASS.test(name) ? (proseParties(name) ?? provinceKinds(name)) : null;
}

/**
 * `发展改革委今年已将你省纳入…，目前正会同你省加快…` (a reply): past work, then a commitment without a subject of its own
 * (正/正在/将 before a working verb) — the past clause's subject holds it.
 */
const CARRIED =
  /^([\u4e00-\u9fff（）、]{2,20}?)(?:今年|去年|近年来|目前)?已(?:经)?[^。；]*?，(?:目前|现在|同时|下一步)?(?:正在?|还将|将)(?=会同|抓紧|加紧|积极|研究|牵头|继续)/u;

export function carriedSubject(sentence: string): ProseParties | null {
  const m = sentence.includes('已') ? CARRIED.exec(sentence) : null;
  return m ? proseParties(m[1] ?? '') : null;
}
