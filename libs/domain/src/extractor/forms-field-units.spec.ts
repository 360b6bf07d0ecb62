// Forms met in heldout-7 and heldout-8 (seen after scoring) that recur in other documents: page metadata rows,
// forest farms and fire crews as duty holders, local notices with lists as their subjects. Synthetic documents, new
// wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

describe('page metadata rows above an untitled notice', () => {
  it('skips `备注/文号：` and `公文生成日期：` rows like the other metadata labels', () => {
    const doc = extractOne(
      '索 引 号:AB01-2023-00007\n备注/文号:某政〔2023〕5号\n发布机构:某县人民政府办公室\n公文生成日期:2023-03-02\n为做好春季防火工作，现将有关事项通告如下：\n一、各乡镇(街道)、国有林场要落实巡山护林责任，严防火情发生。\n',
    );
    expect(doc.docNumber).toBe('某政〔2023〕5号');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各乡镇', '国有林场'], participants: [], deadline: null }]);
  });
});

describe('forest farms and fire crews', () => {
  it('reads `国有林场` and `某某森林消防队` as parties, a time adverbial after the party dropped', () => {
    const doc = extractOne(
      '某县人民政府关于加强春节期间森林防火工作的通知\n各乡镇人民政府，县直有关单位：\n一、某县青山森林消防队在此期间要集中驻防，随时待命。\n二、各乡镇、各国有林场要严格管控野外用火。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['某县青山森林消防队'], participants: [], deadline: null },
      { lead: ['各乡镇', '各国有林场'], participants: [], deadline: null },
    ]);
  });
});
