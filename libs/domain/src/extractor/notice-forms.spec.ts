// Forms of the covering notices that hand local task lists down (下达/印发…给你们): subjects after the covering
// clause, local levels written with their alternative in brackets, the level's own collectives, member units, the
// issuing office's follow-up. Synthetic documents in new wording, one per form.
import { describe, expect, it } from 'vitest';

import { findDeadline } from './deadline';
import { extractOne, roles } from './forms.testing';

const BY_GOVERNMENT = '某某县人民政府关于下达2019年度安全生产目标任务的通知\n各乡镇人民政府，县直各部门：\n';
const BY_OFFICE = '某某区人民政府办公室关于印发2024年区政府民生实事分工的通知\n各街道办事处，区级各部门：\n';

describe('subjects of a covering notice', () => {
  it('reads the subject right after the covering clause (…下达给你们，各单位要…) and after 望 like 请', () => {
    const doc = extractOne(
      `${BY_GOVERNMENT}经县政府研究，现将2019年度安全生产目标任务下达给你们，各单位要逐项对照，抓好落实。\n现将考核细则一并印发给你们，望各责任单位认真组织，按时完成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各单位'], participants: [], deadline: null },
      { lead: ['各责任单位'], participants: [], deadline: null },
    ]);
  });

  it('drops the alternative level in brackets (各地（市）→ 各地, 各县（区）→ 各县) and reads 省直有关单位', () => {
    const doc = extractOne(
      `某某省人民政府办公厅关于下达2019年林业生产指标的通知\n各设区市人民政府，省直有关单位：\n各地(市)要把指标逐级分解到县，落实责任。\n省直有关单位要加强业务指导，做好协调服务。\n各县(区)、某某高新技术开发区要于2019年4月30日前报送分解方案。\n各市(州、盟)要做好统计上报。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各地'], participants: [], deadline: null },
      { lead: ['省直有关单位'], participants: [], deadline: null },
      { lead: ['各县', '某某高新技术开发区'], participants: [], deadline: '2019-04-30' },
      { lead: ['各市'], participants: [], deadline: null },
    ]);
  });

  it('reads the member units of a body, with a reference in brackets between subject and verb', () => {
    const doc = extractOne(
      `${BY_GOVERNMENT}县减灾委有关成员单位（名单附后）要于2019年6月底前完成隐患排查。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县减灾委有关成员单位'], participants: [], deadline: '2019-06-30' },
    ]);
  });

  it('reads a class of units delimited by a relative clause (…的单位，也要…), never one after a preposition', () => {
    const doc = extractOne(
      `${BY_GOVERNMENT}各牵头单位要加强统筹调度；未列入分工的单位，也要立足本职做好服务保障。县政府将对推进迟缓的单位进行约谈。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头单位', '未列入分工的单位'], participants: ['县政府'], deadline: null },
    ]);
  });

  it('reads 主动配合牵头单位 as the supporting side and the departments a body organises as taking part', () => {
    const doc = extractOne(
      `${BY_GOVERNMENT}各牵头单位要细化工作措施。各相关单位要各负其责，主动配合牵头单位推进工作。\n各责任单位要于2019年12月10日前报送完成情况，县政府将组织有关部门进行验收。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头单位'], participants: ['各相关单位'], deadline: null },
      { lead: ['各责任单位'], participants: ['县政府', '有关部门'], deadline: '2019-12-10' },
    ]);
  });
});

describe('where recipients send their questions', () => {
  it('reads no duty of the body a covering line asks them to turn to (请径向A反映, 请及时向A报告, 请与A联系)', () => {
    const doc = extractOne(
      `某某省人民政府办公厅关于印发某某省家电以旧换新实施细则的通知\n各地级以上市人民政府，省政府各部门：\n《实施细则》已经省人民政府同意，现印发给你们，请认真组织实施。实施中遇到的问题，请径向省商务厅反映。\n执行中如有重大情况，请及时向省发展改革委报告；具体事项请与省财政厅联系。\n一、扩大补贴品类。将净水器纳入补贴范围。（省商务厅牵头，省财政厅配合）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省商务厅'], participants: ['省财政厅'], deadline: null },
    ]);
  });
});

describe('the issuing office announcing its follow-up', () => {
  it('takes part when the office issues the notice itself, also in a clause after a comma', () => {
    const doc = extractOne(
      `${BY_OFFICE}一、各街道要压实责任，按月推进。区政府办公室将适时开展专项督查。\n二、各责任部门要于2024年7月5日前将半年进展报区政府办公室，区政府办公室将汇总后通报。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各街道'], participants: ['区政府办公室'], deadline: null },
      { lead: ['各责任部门'], participants: ['区政府办公室'], deadline: '2024-07-05' },
    ]);
  });

  it('leads under a government notice, where the office is a separate body with its own duty', () => {
    const doc = extractOne(`${BY_GOVERNMENT}各乡镇要压实责任。县政府办公室将适时开展专项督查。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '县政府办公室'], participants: [], deadline: null },
    ]);
  });
});

describe('a year opening the topic of an appraisal', () => {
  it('is not a deadline (2019年…完成情况，作为考核内容), but a year opening a step still is', () => {
    const options = { documentYear: 2019 };
    expect(
      findDeadline('各地要抓好落实。2019年目标任务完成情况，作为年终考核的重要依据。', options),
    ).toBeNull();
    expect(
      findDeadline('2019年县发展改革局将会同财政局根据项目进展情况，安排资金。', options)?.deadline,
    ).toBe('2019-12-31');
    expect(findDeadline('2019年完成全部整治任务。', options)?.deadline).toBe('2019-12-31');
  });
});

describe('a first-listed rule naming the collecting unit too', () => {
  it('reads 列第一位者为牵头或汇总单位，下同 in the bracket of a 责任单位: line, for that line and those below', () => {
    const doc = extractOne(
      `${BY_GOVERNMENT}一、民生保障\n1.新建城乡社区养老服务站10个。\n责任单位:县民政局、县财政局、县卫健局(列第一位者为牵头或汇总单位,下同)\n2.完成农村危房改造300户。\n责任单位:县住建局、县乡村振兴局\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县民政局'], participants: ['县财政局', '县卫健局'], deadline: null },
      { lead: ['县住建局'], participants: ['县乡村振兴局'], deadline: null },
    ]);
  });
});
