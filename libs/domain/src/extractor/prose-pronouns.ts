import { titleIssuer } from './doc-markers';
import { isKnownDepartmentName } from '../departments/registry';

/**
 * The issuer's or the reporting body's pronoun for itself in a prose duty (`我们将督促有关部门…` in a 复函, `我局将尽快…`
 * in a report a general office forwards): the label names the body (LABELLING: names as the text gives them, a
 * pronoun is no name), so the pronoun is replaced by the body the title names — the forwarded one (`…转发国家地震局关于…`)
 * when its unit word matches, else the issuer (`国务院办公厅关于…的复函`). A pronoun neither fits is kept as written.
 */
export const ISSUER_PRONOUN = /^我(?:们|局|委|部|厅|办|署|院)$/u;

const FORWARDED = /转发([\u4e00-\u9fff]{2,30}?)(?:关于|《)/u;

/** `国务院办公厅对…第2996号建议的答复`: a reply titled without 关于 names its issuer before 对. */
const REPLY_ISSUER = /^([\u4e00-\u9fff]{2,20}?)对[^。；]{2,80}的(?:答复|复函|回复)$/u;

/**
 * `signed`: the issuer the signature gives, for a title that names none (neither before 关于 nor before 对).
 */
export function pronounResolver(title: string, signed: string | null = null): (name: string) => string {
  const forwarded = title.includes('转发') ? (FORWARDED.exec(title)?.[1] ?? null) : null;
  // Read per document: the reply regex backtracks over the whole title, so only a title ending on a reply word runs it.
  const reply = title.endsWith('答复') || title.endsWith('复函') || title.endsWith('回复');
  const replied = reply ? REPLY_ISSUER.exec(title)?.[1] : undefined;
  const issuer = (titleIssuer(title) ?? replied ?? signed ?? '').split('转发')[0] ?? '';
  return (name) => {
    if (name.length !== 2 || !ISSUER_PRONOUN.test(name)) return name;
    const unit = name.charAt(1);
    // In a forwarded report the body is the reporter's text: 我们 is the reporter too.
    if (forwarded && (unit === '们' || forwarded.endsWith(unit))) return forwarded;
    if (issuer.length >= 2 && (unit === '们' || issuer.endsWith(unit))) return issuer;
    return name;
  };
}

/**
 * `发展改革委已上报…，待国务院批准后，该委将…`: 该委 / 该部 / 该局 is the department named last before it with that unit word;
 * the pronoun is replaced by that name (the longest registry name ending just there) so the duty falls on it. A
 * pronoun without such a name before it is left as written.
 */
// 该部门 / 该委员会 / 该办法 / 该厅局 name no department: the pronoun is the unit word alone.
const DEMONSTRATIVE = /该([委部局办署厅])(?![门员法局])/gu;
const IDEOGRAPHS = /^[\u4e00-\u9fff]+$/u;

export function resolveDemonstratives(paragraph: string): string {
  return paragraph.replace(DEMONSTRATIVE, (whole: string, unit: string, at: number) => {
    for (let end = paragraph.lastIndexOf(unit, at - 1); end > 0; end = paragraph.lastIndexOf(unit, end - 1)) {
      for (let length = Math.min(12, end + 1); length >= 2; length--) {
        const name = paragraph.slice(end + 1 - length, end + 1);
        if (IDEOGRAPHS.test(name) && isKnownDepartmentName(name)) return name;
      }
    }
    return whole;
  });
}
