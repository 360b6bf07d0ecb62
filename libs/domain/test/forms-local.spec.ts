// Local (provincial/municipal/county) forms read since heldout-2 became development data: one synthetic document
// per form, written for these tests (not copied from any labelled document).
import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure } from '../src/index';
import { extractText } from '../src/index';

function extractOne(text: string): ExtractedDocument {
  const doc = extractText(text, 'form.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, joint: m.joint, deadline: m.deadline } : null;
}

const PROVINCE = '江西省人民政府关于印发全省重点工作分工方案的通知\n赣府字〔2022〕8号\n';

describe('local role lines', () => {
  it('reads a 部门分工： line whose value carries its own verbs, skipping the 分管省领导： person line', () => {
    const doc = extractOne(
      `${PROVINCE}一、主要目标\n1.城乡居民收入稳步增长。\n分管省领导:王某某\n部门分工:省人力资源社会保障厅牵头,各地、各部门配合。\n2.粮食产量保持稳定。\n分管省领导:李某某\n部门分工:省农业农村厅牵头,省粮食局配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省人力资源社会保障厅'], participants: ['各地', '各部门'], joint: false, deadline: null },
      { lead: ['省农业农村厅'], participants: ['省粮食局'], joint: false, deadline: null },
    ]);
  });
});
