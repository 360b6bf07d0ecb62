import type { DepartmentDto, PolicyDocumentDto } from '@duban/domain/contract';
import { DEPARTMENT_KIND_LABELS } from '@duban/domain/contract';
import { pinyinInitials } from './pinyin';

/** One choice of a searchable picker. */
export interface PickerOption {
  id: string;
  label: string;
  group: string;
  /** Shown after the label, e.g. 已撤并，现为… */
  hint?: string;
  /** Other names that find the option (aliases, 文号). */
  keywords?: string[];
  /** Lower-case haystack: label, hint, keywords and their pinyin initials; filled in by filterGroups. */
  search?: string;
}

export interface PickerGroup {
  name: string;
  options: PickerOption[];
}

const KIND_ORDER: readonly DepartmentDto['kind'][] = ['ministry', 'local', 'collective'];

/**
 * Departments grouped 部委 / 地方 / 统称; within a group current names first, then the units merged
 * away in a reorganisation (kept because old tasks still name them), each saying what replaced it.
 */
export function departmentOptions(departments: readonly DepartmentDto[]): PickerOption[] {
  const collator = new Intl.Collator('zh-CN');
  return [...departments]
    .sort(
      (a, b) =>
        KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
        Number(a.successor !== null) - Number(b.successor !== null) ||
        collator.compare(a.name, b.name),
    )
    .map((d) => ({
      id: d.id,
      label: d.name,
      group: DEPARTMENT_KIND_LABELS[d.kind],
      hint: d.successor ? `已撤并，现为${d.successor.name}` : undefined,
      keywords: d.aliases,
    }));
}

/** Documents newest first, with their 文号 as a search keyword and hint. */
export function documentOptions(documents: readonly PolicyDocumentDto[]): PickerOption[] {
  return [...documents]
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))
    .map((d) => ({
      id: d.id,
      label: d.title,
      group: '政策文件',
      hint: d.docNumber ?? undefined,
      keywords: d.docNumber ? [d.docNumber] : [],
    }));
}

/** Label, hint and keywords with their pinyin initials (so 「fgw」 finds 国家发展改革委), computed once per option. */
function haystackOf(o: PickerOption): string {
  o.search ??= [o.label, o.hint ?? '', ...(o.keywords ?? [])]
    .flatMap((t) => [t, pinyinInitials(t)])
    .join('\n')
    .replace(/[ \t]+/g, '')
    .toLowerCase();
  return o.search;
}

/** Options whose label, hint, keywords or their pinyin initials contain the typed text (case- and space-insensitive), grouped in order. */
export function filterGroups(options: readonly PickerOption[], text: string): PickerGroup[] {
  const q = text.replace(/\s+/g, '').toLowerCase();
  const groups = new Map<string, PickerOption[]>();
  for (const o of options) {
    if (q && !haystackOf(o).includes(q)) continue;
    const list = groups.get(o.group) ?? [];
    list.push(o);
    groups.set(o.group, list);
  }
  return [...groups].map(([name, list]) => ({ name, options: list }));
}
