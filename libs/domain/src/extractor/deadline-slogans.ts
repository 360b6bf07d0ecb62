/**
 * A working principle or checking system quoted as a slogan of calendar steps (`“年初公布、年中检查、年底兑现、接受监督”
 * 的原则`, `“年初建账、逐月查账、年底交账”的督查制度`, `…”的跟踪督导机制`): it says how the work runs every year, so its calendar words are
 * no dated steps of the task (LABELLING §5); a rhythm it states (逐月查账) still makes the duty recurring (deadline.ts
 * reads the rhythm in the whole text and the dates in the text with the slogan masked).
 */
const SLOGAN = /“([^“”]{4,40})”(?=的?[\u4e00-\u9fff]{0,6}?(?:原则|制度|机制|要求|办法|模式|方针|思路))/gu;
const CALENDAR_STEP = /年[初中底末]|月[初中底末]/u;

/** The text with every quoted slogan of calendar steps masked (`“…”`), or the text itself when it quotes none. */
export function maskCalendarSlogans(text: string): string {
  if (!text.includes('“')) return text;
  return text.replace(SLOGAN, (whole, inner: string) => (CALENDAR_STEP.test(inner) ? '“…”' : whole));
}
