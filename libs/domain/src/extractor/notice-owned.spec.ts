// A covering notice over a task list grouped by lead unit (`一、县示范区管委会牵头工作（8项）` over `1.…` items, the
// annex of a county's 任务分解): each numbered item is that unit's; synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const COVER =
  '某某县人民政府办公室关于印发2025年县政府重点工作任务分解的通知\n各乡镇人民政府，县直各有关单位：\n经县政府同意，现将《2025年县政府重点工作任务分解》印发给你们。各单位要认真对照，抓好落实。\n附件\n2025年县政府重点工作任务清单\n';

describe('task lists grouped by lead unit under a covering notice', () => {
  it('gives each numbered item to the unit its group heading names, the heading itself no measure', () => {
    const doc = extractOne(
      `${COVER}一、县工业园区管委会牵头工作（2项）\n1.建设标准化厂房5万平方米。\n2.引进规模以上企业3家，6月底前完成签约。\n二、县农业农村局牵头的工作\n1.新建高标准农田2万亩。\n`,
    );
    expect(doc.measures.map((m) => ({ ...roles(m), key: m.key }))).toEqual([
      { lead: ['各单位'], participants: [], deadline: null, key: '通知/2' },
      { lead: ['县工业园区管委会'], participants: [], deadline: null, key: '通知/一/1.' },
      { lead: ['县工业园区管委会'], participants: [], deadline: '2025-06-30', key: '通知/一/2.' },
      { lead: ['县农业农村局'], participants: [], deadline: null, key: '通知/二/1.' },
    ]);
  });

  it('reads no items under a notice item that names no owner', () => {
    const doc = extractOne(
      `${COVER}一、县工业园区管委会牵头工作（1项）\n1.建设标准化厂房5万平方米。\n二、强化督查考核\n1.按季度通报进展。\n`,
    );
    expect(doc.measures.map((m) => m.key)).toEqual(['通知/2', '通知/一/1.']);
  });
});
