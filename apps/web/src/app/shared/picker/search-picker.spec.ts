import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { DepartmentDto } from '@duban/domain/contract';
import { aDepartment } from '../../../testing/fixtures';
import { departmentOptions, filterGroups } from './picker-options';
import { pinyinInitials } from './pinyin';
import { SearchPicker } from './search-picker';

const dept = (
  id: string,
  name: string,
  kind: DepartmentDto['kind'],
  extra: Partial<DepartmentDto> = {},
): DepartmentDto => aDepartment({ id, name, kind, ...extra });

const departments = [
  dept('d-hb', '河北省人民政府', 'local'),
  dept('d-wjw', '卫生计生委', 'ministry', { successor: { id: 'd-jkw', name: '国家卫生健康委' } }),
  dept('d-jkw', '国家卫生健康委', 'ministry', { aliases: ['卫健委'] }),
  dept('d-ndrc', '国家发展改革委', 'ministry', { aliases: ['发改委', '国家发改委'] }),
  dept('d-all', '各省级人民政府', 'collective'),
];

describe('department options', () => {
  it('groups 部委 / 地方 / 统称 with current names before merged ones', () => {
    const groups = filterGroups(departmentOptions(departments), '');
    expect(groups.map((g) => g.name)).toEqual(['部委', '地方', '统称']);
    expect(groups[0].options.map((o) => o.label)).toEqual(['国家发展改革委', '国家卫生健康委', '卫生计生委']);
    expect(groups[0].options[2].hint).toBe('已撤并，现为国家卫生健康委');
  });

  it('finds by any part of the name or an alias, ignoring spaces', () => {
    const opts = departmentOptions(departments);
    expect(filterGroups(opts, '发改委').flatMap((g) => g.options.map((o) => o.id))).toEqual(['d-ndrc']);
    expect(filterGroups(opts, ' 卫健 ').flatMap((g) => g.options.map((o) => o.id))).toEqual(['d-jkw']);
    expect(filterGroups(opts, '人民政府').map((g) => g.name)).toEqual(['地方', '统称']);
    expect(filterGroups(opts, '不存在')).toEqual([]);
  });

  it('finds by pinyin initials, as people type on a phone', () => {
    const opts = departmentOptions(departments);
    expect(filterGroups(opts, 'fzggw').flatMap((g) => g.options.map((o) => o.id))).toEqual(['d-ndrc']);
    expect(filterGroups(opts, 'HBS').flatMap((g) => g.options.map((o) => o.id))).toEqual(['d-hb']);
    expect(pinyinInitials('国家卫生健康委')).toBe('gjwsjkw');
  });
});

describe('SearchPicker', () => {
  let fixture: ComponentFixture<SearchPicker>;
  let changes: (string | null)[];

  beforeEach(async () => {
    fixture = TestBed.createComponent(SearchPicker);
    fixture.componentRef.setInput('label', '责任部门');
    fixture.componentRef.setInput('allLabel', '全部部门');
    fixture.componentRef.setInput('options', departmentOptions(departments));
    fixture.componentRef.setInput('value', 'd-ndrc');
    changes = [];
    fixture.componentInstance.changed.subscribe((v) => changes.push(v));
    await fixture.whenStable();
  });

  const input = (): HTMLInputElement => (fixture.nativeElement as HTMLElement).querySelector('input')!;
  const optionTexts = (): string[] =>
    Array.from(document.querySelectorAll('mat-option')).map(
      (o) => o.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    );

  it('shows the chosen name, and narrows the grouped list as Chinese is typed', async () => {
    expect(input().value).toBe('国家发展改革委');
    input().dispatchEvent(new Event('focus'));
    input().dispatchEvent(new Event('focusin'));
    input().value = '卫生';
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const texts = optionTexts();
    expect(texts).toContain('国家卫生健康委');
    expect(texts).toContain('卫生计生委 已撤并，现为国家卫生健康委');
    expect(texts).not.toContain('国家发展改革委');
    expect(
      Array.from(document.querySelectorAll('mat-optgroup')).map(
        (g) => g.getAttribute('label') ?? g.textContent?.trim(),
      ),
    ).toHaveLength(1);
  });

  it('emits the picked id, and null from the clear button', async () => {
    input().dispatchEvent(new Event('focusin'));
    input().value = '卫健';
    input().dispatchEvent(new Event('input'));
    await fixture.whenStable();
    const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) =>
      o.textContent?.includes('国家卫生健康委'),
    );
    option!.click();
    await fixture.whenStable();
    expect(changes).toEqual(['d-jkw']);
    (fixture.nativeElement as HTMLElement)
      .querySelector<HTMLButtonElement>('button[aria-label="清除责任部门"]')!
      .click();
    expect(changes).toEqual(['d-jkw', null]);
  });
});
