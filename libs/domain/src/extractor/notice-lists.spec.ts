// Subjects of local notice items written as lists: towns by their names, the open rest of a list (`A等…的县级部门`).
// Synthetic documents in new wording, one per form.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const BY_COUNTY = '某某县人民政府办公室关于做好2020年农村饮水工程建设的通知\n各乡镇人民政府，县级各部门：\n';

describe('list subjects of a local notice item', () => {
  it('reads towns named as subjects and the open rest of a list as taking part', () => {
    const doc = extractOne(
      `${BY_COUNTY}二、落实工作责任。青山镇、白水乡负责工程选址和群众动员；县水利局要做好技术指导；县林业局等承担配套任务的县级部门要及时办理审批。\n三、城乡要统筹推进。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['青山镇', '白水乡', '县水利局', '县林业局'],
        participants: ['承担配套任务的县级部门'],
        deadline: null,
      },
    ]);
  });

  it('drops a bare 等部门 after the listed names', () => {
    const doc = extractOne(`${BY_COUNTY}县财政局、县审计局等部门要加强资金监管。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县财政局', '县审计局'], participants: [], deadline: null },
    ]);
  });
});
