// Forms that recur in local 责任分解 documents (county and district work-task lists and their notices): labelled
// lines of their own, role collectives as sentence subjects. Synthetic documents, one per form.
import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure } from '../index';
import { extractText } from '../index';

function extractOne(text: string): ExtractedDocument {
  const doc = extractText(text, 'form.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, deadline: m.deadline } : null;
}

const TITLE = '繁昌区人民政府关于印发2021年区政府重点工作任务的通知\n各镇人民政府，区有关单位：\n';

describe('labelled lines after an item', () => {
  it('reads 牵头责任单位 as lead and 协同责任单位 as participants; 牵头负责领导 names a person', () => {
    const doc = extractOne(
      `${TITLE}一、确保完成全年主要预期目标\n1.地区生产总值比上年增长9%左右。\n牵头负责领导:张三。\n牵头责任单位:区发展改革委。\n协同责任单位:区直相关单位。\n2.一般公共预算收入增长5%左右。\n牵头负责领导:李四。\n牵头责任单位:区财政局。\n协同责任单位:区税务局。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区发展改革委'], participants: ['区直相关单位'], deadline: null },
      { lead: ['区财政局'], participants: ['区税务局'], deadline: null },
    ]);
  });
});
