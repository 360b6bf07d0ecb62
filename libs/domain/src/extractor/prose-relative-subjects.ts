// Sentence subjects named with a relative clause set off from their duty by a comma (`承办内地西藏中学和西藏班的有关
// 省（市）人民政府，要…`, `位于地震重点监视防御区的大中城市，应…`): read by the prose sentence reader (prose-sentence.ts).
import { provinceKinds } from './prose-org';
import { type ProseParties, proseParties } from './prose-parties';

/** Never a clause opening on a preposition or a governing verb (`对进展缓慢的有关部门`: the departments are an object). */
const CLAUSE = /^(?![对向把将为给由在按经从据根各该本全督指鼓支推要请])[^，。；：]{2,40}$/u;
/** Places of a kind: the clause is their only delimiter, so it stays part of the name (LABELLING §4). */
const PLACE_CLASS = /^(?:大中城市|城市|地区|地方|省份)$/u;
/** `已明确具体指标的部门和单位`: a bare class word left by the clause names no body (the relative classes are read elsewhere). */
const BARE_CLASS = /^(?:部门|单位|机构)/u;

/**
 * The parties written before a duty marker: a party list (or `各省、自治区、直辖市`); when a comma sets the subject off
 * (`setOff`), also a party after a relative clause, the clause dropped (`参与…的国务院有关部门和省级人民政府有关部门`
 * → the two), or a class of places kept with its clause as written.
 */
export function subjectParties(before: string, setOff: boolean): ProseParties | null {
  const parties = proseParties(before) ?? provinceKinds(before);
  if (parties || !setOff) return parties;
  const de = before.lastIndexOf('的');
  if (de < 2 || !CLAUSE.test(before.slice(0, de))) return null;
  const name = before.slice(de + 1);
  if (PLACE_CLASS.test(name)) return { names: [before], open: null };
  return name.length >= 2 && !BARE_CLASS.test(name) ? (proseParties(name) ?? provinceKinds(name)) : null;
}
