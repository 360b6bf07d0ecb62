// Headings that name whose work follows, shared by the prose and notice readers (neither imports the other).

/**
 * A heading naming whose work follows: `省监察厅牵头的工作`, `市教育局负责的重点任务`, also without 的 and with the
 * count of its items (`县示范区管委会牵头工作（8项）`, a 任务清单 grouped by lead unit). Group 1 is the owner as written.
 */
export const OWNED_WORK =
  /^(.{2,30}?)(?:牵头|负责)(?:落实)?的?(?:工作|任务|事项|重点工作|重点任务|工作任务)(?:（\d{1,3}项）)?[。：]?$/u;

/** The owner a heading's text (after its enumerator) names, or null; cheap screen first (this runs per heading). */
export function ownerOfWork(rest: string): string | null {
  if (!rest.includes('牵头') && !rest.includes('负责')) return null; // the regex's own key words
  // Without 的 only with its count (`…牵头工作（8项）`): `做好牵头工作` names no owner.
  if (!rest.includes('的') && !rest.includes('项')) return null;
  return OWNED_WORK.exec(rest)?.[1] ?? null;
}
