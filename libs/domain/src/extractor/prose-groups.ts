// Group sentences of county notices (prose.ts): a request naming its holder that the numbered items below inherit,
// and the items that state the work's scope instead of a duty.

/**
 * `请各校…，将…按以下要求做好统计。` (a county bureau's notice): a request naming its holder and closing on the items
 * below (`按以下要求…`) is their group sentence, as one closing on `：` is — inherited by them, no measure of its own
 * (LABELLING §2: a paragraph that only introduces its items is not labelled).
 */
export const GROUP_INTRO = /按(?:照)?以下要求[^，。；：]{0,12}。$/u;
/** `1.统计时间：…`, `2.统计范围：…` under a group sentence: the work's period or scope, no duty to inherit. */
export const SCOPE_ITEM = /^[\u4e00-\u9fff]{0,4}(?:时间|范围|对象|地点)：/u;
