/**
 * Pinyin initials (国家发展改革委 → gjfzggw) without a dictionary: the browser's ICU pinyin collation orders
 * characters by their reading, so a character's initial is the letter of the last boundary character that
 * sorts before it. Good enough for search (polyphones take their most common reading).
 */
const BOUNDARIES = '阿八嚓哒妸发旮哈讥咔垃痳拏噢妑七呥扨它穵夕丫帀';
const LETTERS = 'abcdefghjklmnopqrstwxyz';
const HAN = /[\u4e00-\u9fff]/;

let collator: Intl.Collator | null = null;

function initialOf(char: string): string {
  if (!HAN.test(char)) return /[a-z0-9]/i.test(char) ? char.toLowerCase() : '';
  collator ??= new Intl.Collator('zh-CN-u-co-pinyin');
  let letter = '';
  for (let i = 0; i < BOUNDARIES.length; i += 1) {
    if (collator.compare(BOUNDARIES[i], char) > 0) break;
    letter = LETTERS[i];
  }
  return letter;
}

export function pinyinInitials(text: string): string {
  return Array.from(text, initialOf).join('');
}
