import { findDepartment } from '@duban/domain';
import { pinyin } from 'pinyin-pro';

/** Usernames are ASCII: lower-case letters and digits, as people type them. */
const HAN_ONLY = /^[\u4e00-\u9fff]+$/u;

/** Letters of the name's pinyin initials: 工信部 → gxb, 发展改革委 → fzggw. */
function initials(name: string): string {
  const han = [...name].filter((c) => HAN_ONLY.test(c)).join('');
  return pinyin(han, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z]/gu, '');
}

/**
 * The readable officer username of a department: the pinyin initials of its shortest known short
 * name (工业和信息化部 → 工信部 → gxb; 国家发展和改革委员会 → 发改委 → fgw), without a 国家 prefix when
 * a shorter form exists; for a name the registry does not know, the initials of the name itself.
 */
export function departmentUsernameStem(name: string): string {
  const record = findDepartment(name);
  const forms = [name, ...(record ? [record.name, ...record.aliases] : [])]
    .map((n) => n.replace(/^中华人民共和国/u, ''))
    .filter((n) => HAN_ONLY.test(n));
  forms.sort((a, b) => a.length - b.length || a.localeCompare(b));
  const stem = initials(forms[0] ?? name);
  return stem.length >= 2 ? stem.slice(0, 16) : `dept${stem}`;
}

/** Makes `stem` unique against `taken` (adds 2, 3 … as needed) and records it. */
export function uniqueUsername(stem: string, taken: Set<string>): string {
  let candidate = stem;
  for (let n = 2; taken.has(candidate); n++) candidate = `${stem}${n}`;
  taken.add(candidate);
  return candidate;
}
