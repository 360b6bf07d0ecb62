import { describe, expect, it } from 'vitest';
import { extractOne, roles } from './forms.testing';
import { spacedLabelledFields } from './roles';

// 民生实事 progress lists printed one row per line: the item, then its labelled fields separated by spaces.
describe('space-separated labelled fields after an item', () => {
  it('reads 责任单位 / 配合单位 fields, skipping leaders, named persons and progress', () => {
    const doc = extractOne(
      [
        '某市2022年民生实事项目进展情况',
        '1.新建城市公园3个。 牵头领导:王某 责任单位:市住建局 项目责任人:李某 配合单位:市财政局、市自然资源局,各区政府 实际完成情况:已完成2个。',
        '2.改造农贸市场5个。 责任单位:市商务局 实际完成情况:已完工。',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市住建局'], participants: ['市财政局', '市自然资源局', '各区政府'], deadline: null },
      { lead: ['市商务局'], participants: [], deadline: null },
    ]);
  });

  it('leaves labels inside an open bracket to the bracket reader', () => {
    expect(spacedLabelledFields('1.加快流通业发展(牵头单位:市商务局  责任单位:市发改委)')).toBeNull();
  });

  it('needs a party label, not only a leader or a time field', () => {
    expect(spacedLabelledFields('1.新建公园。 牵头领导:王某 完成时限:2022年底')).toBeNull();
  });
});
