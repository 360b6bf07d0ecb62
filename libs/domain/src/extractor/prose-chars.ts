// The character flag tables of the prose sentence reader (prose-sentence.ts): one typed-array load per character
// tells which forms a sentence can match, so most sentences are neither sliced nor searched.
import { UNIT_LAST } from './prose-parties';

/**
 * One flag table over the BMP for the scan in subjectOf (a typed-array load instead of two Set lookups per
 * character): MARKER_FIRST — first characters of MARKER_AT; GOAL_FIRST — of GOAL_MARKER_AT; AFTER_NAME — the last
 * characters of names (UNIT_LAST), of a unit's post-holder (主要负责同志/主要负责人) and the comma closing an inserted
 * clause, the only places a marker can follow; END — 。；：.
 */
export const MARKER_FIRST = 1;
export const AFTER_NAME = 2;
export const END = 4;
export const GOAL_FIRST = 8;
/** Last characters of the national departments a registry-only goal verb may follow (国家中医药局, 财政部 …). */
export const REGISTRY_LAST = 16;
export const CHAR_FLAGS = new Uint8Array(0x10000);
// 具 opens 具体负责 (`县住建局具体负责项目建设`), read as 负责 is.
// 在 opens a when-clause run into the marker (`A在…时将…`), 分 a shared-out duty (`A、B分别负责…`).
for (const c of '都也还均要应须必负牵统承会将正进继组按依是对于为拟根原每定立做提起制务协一抓具在分')
  CHAR_FLAGS[c.charCodeAt(0)] |= MARKER_FIRST;
for (const c of '完实建基出制印发推启开组形编提修') CHAR_FLAGS[c.charCodeAt(0)] |= GOAL_FIRST;
for (const c of '部委局署行会院办厅室司心') CHAR_FLAGS[c.charCodeAt(0)] |= REGISTRY_LAST;
// 们 closes the issuer's pronoun 我们 (我局 ends on a unit word already): `我们将督促…`; 导 a post-holder (主要领导要…);
// 间 a time adverbial after the party (`A在此期间要…`).
// 手, ” and 员 end a unit's post-holder (`各单位“一把手”要…`, `A全体班子成员要…`), dropped by holderBefore like 主要负责同志.
// 统 ends a sector's system (`全市交通运输系统要…`, prose-parties.ts SECTOR_SYSTEM).
for (const c of `${UNIT_LAST}，志人们导间手”统记员`) CHAR_FLAGS[c.charCodeAt(0)] |= AFTER_NAME;
for (const c of '。；：') CHAR_FLAGS[c.charCodeAt(0)] |= END;
/**
 * The first characters of the key words screening sentenceParties' forms (请 and 要求, 设在, 成员, 由, 情况, 协调机制, 会同, the
 * colon of `A：负责…` / `意见：`, 特别是, 希望 of prose-designations.ts), as flags: one pass over the sentence's char codes
 * instead of ten searches.
 */
export const KEY_QING = 1;
export const KEY_SHE = 2;
export const KEY_CHENG = 4;
export const KEY_YOU = 8;
export const KEY_QING2 = 16;
export const KEY_XIE = 32;
export const KEY_HUI = 64;
export const KEY_COLON = 128;
export const KEY_TE = 256;
export const KEY_XI = 0x4000;
/** 职 of `…是A、B的法定职责` (a statutory duty stated with the parties after 是). */
export const KEY_ZHI = 0x200000;
export const KEY_ANY = 0x2041ff;
/** 牵 (of `A为牵头单位`): screens designatedLead only; not in KEY_ANY, so it sends no sentence to sentenceParties. */
export const KEY_QIAN = 0x200;
/**
 * Screens of forms read after the subject scan (none in KEY_ANY, so none sends a sentence to sentenceParties):
 * 推 (推荐) and 邀 (邀请) and 参 (参加的/参与的) of contributingParties, 首/领 (首长负责/领导负责) of unitsBeside, 主 (责任主体/主管)
 * of designatedBodies.
 */
export const KEY_TUI = 0x10000;
export const KEY_YAO = 0x20000;
export const KEY_CAN = 0x40000;
export const KEY_CHIEF = 0x80000;
export const KEY_ZHU = 0x100000;
export const KEY_CHARS = new Uint32Array(0x10000);
KEY_CHARS['请'.charCodeAt(0)] = KEY_QING;
// 求 of 要求 (`会议…要求各级各部门认真领会`): the meeting's request names the parties asked, as 请 does.
KEY_CHARS['求'.charCodeAt(0)] |= KEY_QING;
// 责 of 责成 (`会议…，责成A、B尽快拿出方案`): the parties ordered to act, as 请 asks them.
KEY_CHARS['责'.charCodeAt(0)] |= KEY_QING;
KEY_CHARS['设'.charCodeAt(0)] = KEY_SHE;
KEY_CHARS['成'.charCodeAt(0)] = KEY_CHENG;
KEY_CHARS['由'.charCodeAt(0)] = KEY_YOU;
KEY_CHARS['情'.charCodeAt(0)] = KEY_QING2;
KEY_CHARS['协'.charCodeAt(0)] = KEY_XIE;
KEY_CHARS['会'.charCodeAt(0)] = KEY_HUI;
KEY_CHARS['：'.charCodeAt(0)] = KEY_COLON;
KEY_CHARS['特'.charCodeAt(0)] = KEY_TE;
KEY_CHARS['希'.charCodeAt(0)] = KEY_XI;
KEY_CHARS['牵'.charCodeAt(0)] = KEY_QIAN;
KEY_CHARS['推'.charCodeAt(0)] = KEY_TUI;
KEY_CHARS['邀'.charCodeAt(0)] = KEY_YAO;
KEY_CHARS['参'.charCodeAt(0)] = KEY_CAN;
KEY_CHARS['首'.charCodeAt(0)] = KEY_CHIEF;
KEY_CHARS['领'.charCodeAt(0)] = KEY_CHIEF;
KEY_CHARS['主'.charCodeAt(0)] = KEY_ZHU;
KEY_CHARS['职'.charCodeAt(0)] = KEY_ZHI;
/**
 * The same pass tells whether subjectOf can find anything: each position it tests is a character opening a marker
 * (MARKER_FIRST, GOAL_FIRST) right after one a name can end on (AFTER_NAME). KEY_AFTER is KEY_OPENS shifted down by
 * one, so `previous & (current >> 1)` has it set exactly at such a pair; KEY_PAIR reports one.
 */
export const KEY_AFTER = 0x400;
export const KEY_OPENS = 0x800;
export const KEY_PAIR = 0x1000;
for (let c = 0; c < 0x10000; c++) {
  const flags = CHAR_FLAGS[c] ?? 0;
  if (flags & AFTER_NAME) KEY_CHARS[c] |= KEY_AFTER;
  if (flags & (MARKER_FIRST | GOAL_FIRST)) KEY_CHARS[c] |= KEY_OPENS;
}

/**
 * The adverbs of reported past speech (多次 曾经 一再 反复 经常 屡次 历来, prose-roles.ts isPastSpeech): their first
 * characters KEY_ADVERB_FIRST, their second ones that bit shifted up by one, so the same pass finds such a pair
 * (`previous & (current >> 1)`); KEY_PAST_ADVERB reports one.
 */
export const KEY_ADVERB_FIRST = 0x400000;
const KEY_ADVERB_SECOND = 0x800000;
export const KEY_PAST_ADVERB = 0x8000;
for (const c of '多曾一反经屡历') KEY_CHARS[c.charCodeAt(0)] |= KEY_ADVERB_FIRST;
for (const c of '次经再复常来') KEY_CHARS[c.charCodeAt(0)] |= KEY_ADVERB_SECOND;

/** 。 and ；, which end a sentence. */
export const KEY_STOP = 0x2000;
KEY_CHARS['。'.charCodeAt(0)] |= KEY_STOP;
KEY_CHARS['；'.charCodeAt(0)] |= KEY_STOP;

/** A dated opening (`\d{4}年`) within sentence[0, end), without slicing: four ASCII digits before a 年 that lies before end. */
export function datedBefore(sentence: string, end: number): boolean {
  for (let k = sentence.indexOf('年', 4); k !== -1 && k < end; k = sentence.indexOf('年', k + 1)) {
    let digits = 0;
    while (digits < 4) {
      const c = sentence.charCodeAt(k - 1 - digits);
      if (c < 0x30 || c > 0x39) break;
      digits++;
    }
    if (digits === 4) return true;
  }
  return false;
}

/**
 * The last position of `text` opening a marker (or goal verb) right after a character a name can end on, or -1: the
 * only kind of position subjectOf (prose-sentence.ts) tests, so a clause opening after it gives no subject.
 */
export function lastPairAt(text: string): number {
  for (let p = text.length - 1; p >= 1; p--)
    if (
      (CHAR_FLAGS[text.charCodeAt(p)] ?? 0) & (MARKER_FIRST | GOAL_FIRST) &&
      (CHAR_FLAGS[text.charCodeAt(p - 1)] ?? 0) & AFTER_NAME
    )
      return p;
  return -1;
}
