// Opening clauses before a prose party: the issuer's own act stated at length before the recipients' duty
// (`市政府对《政府工作报告》中的各项目标任务实施责任分解管理，各级各部门和单位务必…`), and a unit governed by a verb
// before 依法 (`保障A依法履职`), its object, not its subject. Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const notice = (body: string) =>
  extractOne(
    `某市人民政府关于做好年度目标任务责任分解管理的通知\n各县(市、区)人民政府,市直各单位:\n${body}\n`,
  );

describe('opening clauses before the party', () => {
  it('reads the party after an opening clause of up to 28 characters', () => {
    const doc = notice(
      '为确保全面完成《政府工作报告》确定的目标任务,市政府对《政府工作报告》中的各项目标任务实施责任分解管理,各级各部门和单位务必高度重视,狠抓落实。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级各部门和单位'], participants: [], deadline: null },
    ]);
  });

  it('still stops at a clause longer than that (a party inside it is no subject of the duty)', () => {
    const doc = notice(
      '为确保全面完成本年度各项目标任务,市政府对《政府工作报告》中确定的各项目标任务和重点民生实事逐项实施责任分解管理,各级各部门和单位务必高度重视,狠抓落实。',
    );
    expect(doc.measures).toEqual([]);
  });

  it('does not take a unit governed by 保障 / 要求 before 依法 as a party', () => {
    const doc = extractOne(
      '关于加强行政执法经费保障的意见\n（二十二）保障经费投入。要建立投入稳定的执法经费保障机制,保障行政执法机关依法履行职责。地方各级人民政府要将执法经费列入本级预算。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['地方各级人民政府']]);
  });
});
