// Party shapes of prose duty sentences beyond government units: financial bodies of a kind, coordinated types sharing
// one class word, the sides of a cooperation and a level's treasury (prose-parties.ts).
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const OPINION = '国务院办公厅关于发展普惠保险服务的指导意见\n国办发〔2020〕9号\n';

describe('financial bodies and coordinated types as prose parties', () => {
  it('reads guarantee institutions and public funds of a kind (`各级政府性担保机构`, `国家农业信贷基金`) as parties', () => {
    const doc = extractOne(
      `${OPINION}（一）明确服务对象。各级政府性担保机构要聚焦种养大户。\n（二）加强引导。国家农业信贷基金要带动合作机构扩大业务。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级政府性担保机构'], participants: [], deadline: null },
      { lead: ['国家农业信贷基金'], participants: [], deadline: null },
    ]);
  });

  it('keeps coordinated types sharing the last class word as one party (`保险、再保险机构`), after a 和-joined party', () => {
    const doc = extractOne(
      `${OPINION}（三）回归主业。商业保险、再保险机构要坚守普惠主业。\n（四）协同推进。国家农业信贷基金和省级信贷、再担保基金（机构）要加强对市、县担保机构的培训。市、县担保机构要提升服务能力。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['商业保险、再保险机构'], participants: [], deadline: null },
      {
        lead: ['国家农业信贷基金', '省级信贷、再担保基金', '市、县担保机构'],
        participants: [],
        deadline: null,
      },
    ]);
  });

  it('reads the sides of a cooperation (`保银合作各方`) and a level’s treasury (`中央财政`) as parties', () => {
    const doc = extractOne(
      `${OPINION}（五）明确分担比例。保银合作各方要协商确定分担比例。\n（六）加大奖补。中央财政要对成效明显的地方给予奖补。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['保银合作各方'], participants: [], deadline: null },
      { lead: ['中央财政'], participants: [], deadline: null },
    ]);
  });

  it('does not read `A承担的比例` as a duty of A', () => {
    const doc = extractOne(`${OPINION}（七）风险分担。原则上国家农业信贷基金承担的风险比例不低于20%。\n`);
    expect(doc.measures).toEqual([]);
  });
});

describe('a rejected annotation bracket read as prose', () => {
  it('never keeps its opening bracket in the first name', () => {
    const doc = extractOne(
      '青溪县人民政府关于印发农村公路提升方案的通知\n一、完善养护机制\n（一）落实养护资金。（县交通运输局牵头，县财政局配合，按季度推进）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县交通运输局'], participants: ['县财政局'], deadline: null },
    ]);
  });

  it('never reads a bare class word as a party (`（单位：吨）` is a unit of measure)', () => {
    const doc = extractOne(
      '青溪县人民政府关于印发农村公路提升方案的通知\n一、完善养护机制\n（一）养护里程（单位：公里），以年度统计为准。\n',
    );
    expect(doc.measures).toEqual([]);
  });
});

describe('the administration’s bodies named by their function', () => {
  const NOTICE = '国务院办公厅关于做好行政执法文书审查工作的通知\n国办发〔2021〕3号\n';

  it('reads `审核机构要…` as a party, opening the sentence or after a comma before its own 要', () => {
    const doc = extractOne(
      `${NOTICE}（一）明确审查职责。审查机构要认真履行审查职责，对文书的合法性进行审查。\n（二）规范审查程序。各地区、各部门要明确审查程序，材料不齐全的，复议机构要及时告知申请人。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['审查机构'], participants: [], deadline: null },
      { lead: ['各地区', '各部门', '复议机构'], participants: [], deadline: null },
    ]);
  });

  it('never reads a function word without 机构 or a body that only receives (`报送审核机构审核`) as a party', () => {
    const doc = extractOne(
      `${NOTICE}（一）规范报送。起草材料应当及时报送审核机构审核，审核时限一般不少于5个工作日。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([]);
  });
});
