import { describe, expect, it } from 'vitest';
import { findBrackets } from './brackets';
import { LIMITS } from './thresholds';

const spans = (text: string) => findBrackets(text).map((b) => text.slice(b.open, b.close + 1));

describe('findBrackets', () => {
  it('returns top-level （…） spans with their nested brackets inside', () => {
    expect(spans('加快建设（发展改革委、各省（区、市）人民政府负责）。推进（财政部负责）')).toEqual([
      '（发展改革委、各省（区、市）人民政府负责）',
      '（财政部负责）',
    ]);
  });

  it('ignores a closing bracket without an opening one and an unclosed bracket', () => {
    expect(spans('）说明（未完')).toEqual([]);
  });

  it('takes 〔…〕 and 【…】 only around a role label, and not inside a round bracket', () => {
    expect(spans('印发（国发〔2021〕3号）方案〔牵头单位：市发展改革委〕工作【责任单位：市财政局】')).toEqual([
      '（国发〔2021〕3号）',
      '〔牵头单位：市发展改革委〕',
      '【责任单位：市财政局】',
    ]);
    expect(spans('根据国发〔2021〕3号文件')).toEqual([]);
  });

  it('leaves out spans longer than the bracket limit', () => {
    expect(spans(`（${'长'.repeat(LIMITS.maxBracketChars)}）（短）`)).toEqual(['（短）']);
  });
});
