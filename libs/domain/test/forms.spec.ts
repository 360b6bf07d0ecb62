// The document forms of issue 10 (local governments and new national forms), one synthetic document per form,
// written from the issue's own examples. Each checks the measures a 督查室 officer would take from it.
import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure } from '../src/index';
import { extractText, indexDirectory } from '../src/index';

function extractOne(text: string): ExtractedDocument {
  const file = extractText(text, 'form.txt');
  const doc = file.documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, joint: m.joint, deadline: m.deadline } : null;
}

const TITLE = '杭州市人民政府办公厅关于印发杭州市优化营商环境工作要点的通知\n杭政办函〔2021〕12号\n';

/** What both layouts of the 城市大脑 table below must give: the same two measures. */
const CITY_BRAIN_ROLES = [
  {
    lead: ['市数据资源局'],
    participants: ['市发展改革委', '市财政局'],
    joint: false,
    deadline: '2021-12-31',
  },
  { lead: ['市政务服务办'], participants: ['各区、县（市）政府'], joint: false, deadline: '2021-06-30' },
];
describe('labelled roles', () => {
  it('reads 牵头单位/配合单位 inside the bracket, with a trailing 各区、县级市 group', () => {
    const doc = extractOne(
      `${TITLE}各区、县（市）人民政府，市政府各部门、各直属单位：\n一、加快推进老旧小区改造。完成100个小区改造。（牵头单位：市住房城乡建设局，配合单位：市财政局、市自然资源局，各区、县级市）\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['市住房城乡建设局'],
      participants: ['市财政局', '市自然资源局', '各区、县级市'],
      joint: false,
      deadline: null,
    });
    expect(doc.measures[0]?.unknownDepartments).toContain('市住房城乡建设局');
  });

  it('reads 责任单位 alone as joint co-leads, and 牵头单位：…；责任单位：… as lead + participants', () => {
    const doc = extractOne(
      `${TITLE}一、重点任务\n（一）完善养老服务体系。（责任单位：市民政局、市卫生健康委）\n（二）推进医养结合。（牵头单位：市卫生健康委；责任单位：市民政局、市医保局）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['市民政局', '市卫生健康委'], joint: true });
    expect(roles(doc.measures[1])).toMatchObject({
      lead: ['市卫生健康委'],
      participants: ['市民政局', '市医保局'],
    });
  });

  it('reads role lines of their own (责任单位：/配合单位：/完成时限：) under their measure', () => {
    const doc = extractOne(
      `${TITLE}1. 开展企业服务专项行动，建立企业诉求快速响应机制。\n牵头单位：市经信局\n配合单位：市发展改革委、团市委\n完成时限：2021年12月底前\n2. 深化“最多跑一次”改革。\n责任单位：市政务服务办\n时间节点：2021年6月底前\n`,
    );
    expect(doc.measures).toHaveLength(2);
    expect(roles(doc.measures[0])).toEqual({
      lead: ['市经信局'],
      participants: ['市发展改革委', '团市委'],
      joint: false,
      deadline: '2021-12-31',
    });
    expect(roles(doc.measures[1])).toEqual({
      lead: ['市政务服务办'],
      participants: [],
      joint: true,
      deadline: '2021-06-30',
    });
  });

  it('takes the value of a label from the next line', () => {
    const doc = extractOne(
      `${TITLE}1. 完善社区养老服务网络。\n责任单位：\n市民政局、市卫生健康委\n完成时限：\n2021年12月底前\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['市民政局', '市卫生健康委'],
      participants: [],
      joint: true,
      deadline: '2021-12-31',
    });
  });

  it('reads 每年12月底前报送 as a yearly duty, not a date', () => {
    const doc = extractOne(`${TITLE}1. 建立年度报告制度，每年12月底前报送工作总结。（市发展改革委负责）\n`);
    expect(doc.measures[0]).toMatchObject({ deadline: null, deadlineKind: 'recurring', period: 'year' });
  });

  it('reads a （牵头） marker after a name', () => {
    const doc = extractOne(
      `${TITLE}1. 推进老旧小区改造。（责任单位：市住房城乡建设局（牵头）、市财政局、各区政府）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['市住房城乡建设局'],
      participants: ['市财政局', '各区政府'],
    });
  });

  it('reads 主办/协办 and 承办', () => {
    const doc = extractOne(
      `${TITLE}一、推进乡村振兴示范村建设。（主办：市农业农村局；协办：市财政局）\n二、开展农村人居环境整治。（承办单位：市农业农村局）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['市农业农村局'], participants: ['市财政局'] });
    expect(roles(doc.measures[1])).toMatchObject({ lead: ['市农业农村局'], joint: true });
  });
});

describe('trailing groups and clauses', () => {
  it('makes 各地级以上市政府落实 and 各区、县级市配合 participants', () => {
    const doc = extractOne(
      `广东省人民政府关于印发广东省降成本行动方案的通知\n粤府〔2021〕3号\n各地级以上市人民政府，省政府各部门、各直属机构：\n一、降低企业用电成本。（省发展改革委、省能源局按职责分工负责，各地级以上市政府落实）\n二、降低物流成本。（省交通运输厅牵头，各区、县级市配合）\n三、降低融资成本。（省地方金融监管局、人民银行广州分行等有关单位按职责分工负责）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['省发展改革委', '省能源局'],
      participants: ['各地级以上市政府'],
      joint: false,
    });
    expect(roles(doc.measures[1])).toMatchObject({ lead: ['省交通运输厅'], participants: ['各区、县级市'] });
    expect(roles(doc.measures[2])).toMatchObject({
      lead: ['省地方金融监管局', '人民银行广州分行'],
      joint: true,
    });
  });

  it('adds the parties of a document-wide rule to every measure below it', () => {
    const doc = extractOne(
      `${TITLE}以下各项措施均需各县（市、区）政府、开发区管委会落实，不再一一列出。\n一、优化审批流程。（市发展改革委负责）\n二、压减办理时限。（市政务服务办负责）\n`,
    );
    for (const m of doc.measures) expect(m.participants).toEqual(['各县（市、区）政府', '开发区管委会']);
    expect(doc.measures[0]?.lead).toEqual(['市发展改革委']);
  });

  it('reads 部门和单位 as one collective party, never a department named 单位', () => {
    const doc = extractOne(
      `国务院关于推行终身职业技能培训制度的意见\n国发〔2018〕11号\n一、完善培训体系。（人力资源社会保障部等有关部门和单位负责）\n二、加强保障。（各有关部门和单位按职责分工负责）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['人力资源社会保障部'],
      participants: ['有关部门和单位'],
    });
    expect(roles(doc.measures[1])).toMatchObject({ lead: ['各有关部门和单位'], joint: true });
    for (const m of doc.measures) expect([...m.lead, ...m.participants]).not.toContain('单位');
  });
});

describe('lead conventions in local wording', () => {
  it.each(['排在首位的为牵头单位，下同', '列第一位者为牵头单位，下同'])('%s', (convention) => {
    const doc = extractOne(
      `${TITLE}一、优化营商环境。（市发展改革委、市市场监管局负责，${convention}）\n二、强化要素保障。（市自然资源规划局、市财政局负责）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['市发展改革委'], participants: ['市市场监管局'] });
    expect(roles(doc.measures[1])).toMatchObject({ lead: ['市自然资源规划局'], participants: ['市财政局'] });
  });
});

describe('local names and branches', () => {
  it('keeps and flags local units and branches of national bodies, never dropping the annotation', () => {
    const doc = extractOne(
      `${TITLE}一、加强金融服务。（国家金融监督管理总局某省监管局、省通信管理局、某市税务局负责）\n二、强化青年就业。（团市委、各县（市、区）人民政府、开发区管委会负责）\n`,
    );
    expect(doc.measures[0]?.lead).toEqual(['国家金融监督管理总局某省监管局', '省通信管理局', '某市税务局']);
    expect(doc.measures[0]?.unknownDepartments).toEqual([
      '国家金融监督管理总局某省监管局',
      '省通信管理局',
      '某市税务局',
    ]);
    // Never loosely mapped to a national ministry.
    expect(doc.measures[0]?.leadCanonical).toEqual(doc.measures[0]?.lead);
    expect(doc.measures[1]?.lead).toEqual(['团市委', '各县（市、区）人民政府', '开发区管委会']);
  });

  it('keeps groups and unusual unit names beside a verb instead of dropping the annotation', () => {
    const doc = extractOne(`${TITLE}一、推进乡村振兴。（市农业农村局、杭州海关牵头，各镇（街道）配合）\n`);
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['市农业农村局', '杭州海关'],
      participants: ['各镇'],
    });
  });

  it('reads a bare bracketed list of local units', () => {
    const doc = extractOne(`${TITLE}一、推进数字政府建设。（市数据资源局、市发展改革委）\n`);
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['市数据资源局', '市发展改革委'], joint: true });
  });
});

describe('document shapes', () => {
  it('reads a document that starts with its addressee line instead of a title', () => {
    const file = extractText(
      '各市、县人民政府，省政府各部门：\n现将有关事项通知如下：\n一、加快项目建设。（省发展改革委负责）\n二、强化资金保障。（省财政厅负责）\n浙江省人民政府办公厅\n2021年3月1日\n',
      'addressee.txt',
    );
    const measures = file.documents.flatMap((d) => d.measures);
    expect(measures.map((m) => m.lead)).toEqual([['省发展改革委'], ['省财政厅']]);
    expect(file.documents[0]?.jurisdiction).toBe('浙江省');
  });

  it('says why a document gave no measure and which lines came close', () => {
    const doc = extractOne(
      `${TITLE}一、总体要求\n坚持统筹推进，强化部门协同，由专班牵头抓总。\n二、保障措施\n加强宣传。\n`,
    );
    expect(doc.measures).toEqual([]);
    expect(doc.diagnostics?.[0]?.code).toBe('NO_ANNOTATION_FORM');
    expect(doc.diagnostics?.[0]?.nearLines.map((l) => l.line)).toEqual([4]);
  });

  it('reads the duties a local 责任分解 notice gives in plain sentences, before its breakdown', () => {
    const doc = extractOne(
      `${TITLE}一、压实责任，推动工作落实。各牵头单位要统筹落实任务事项，制定工作推进方案。各参与单位要主动作为，积极配合。\n二、加强督导。市发展改革委负责统一督导调度，于2021年3月15日前报送推进情况。\n三、县政府分管领导要加强协调。\n附件\n一、优化审批。（市政务服务办负责）\n`,
    );
    expect(doc.measures.map((m) => [m.lead, m.participants, m.deadline])).toEqual([
      [['市政务服务办'], [], null],
      [['各牵头单位'], ['各参与单位'], null],
      [['市发展改革委'], [], '2021-03-15'],
    ]);
  });

  it('resolves local names through the deployment directory within the document jurisdiction', () => {
    const directory = indexDirectory([
      {
        name: '杭州市发展和改革委员会',
        shortNames: ['市发展改革委'],
        jurisdiction: '杭州市',
        kind: 'local',
        successor: null,
      },
    ]);
    const file = extractText(
      `${TITLE}一、优化审批。（市发展改革委、市财政局负责）\n杭州市人民政府办公厅\n2021年3月1日\n`,
      'd.txt',
      {
        directory,
      },
    );
    const m = file.documents[0]?.measures[0];
    expect(file.documents[0]?.jurisdiction).toBe('杭州市');
    expect(m?.leadCanonical).toEqual(['杭州市发展和改革委员会', '市财政局']);
    expect(m?.unknownDepartments).toEqual(['市财政局']);
  });

  it('fixes the jurisdiction from the issuer', () => {
    expect(extractOne(TITLE + '一、甲。（市发展改革委负责）\n').jurisdiction).toBe('杭州市');
  });
});

describe('tables with other headers', () => {
  it('reads a tab-separated table with 序号 改革举措 主要内容 指导部门 推广范围', () => {
    const doc = extractOne(
      '国务院关于支持自由贸易试验区深化改革创新若干措施的通知\n国发〔2018〕38号\n附件\n序号\t改革举措\t主要内容\t指导部门\t推广范围\n1\t跨部门一次性联合检查\t海关、边检、海事等口岸管理部门开展联合检查。\t海关总署\t全国\n2\t保税燃料油供应服务船舶准入管理新模式\t实施准入管理新模式。\t交通运输部、海关总署\t自贸试验区\n',
    );
    expect(doc.measures.map((m) => roles(m))).toEqual([
      { lead: ['海关总署'], participants: [], joint: true, deadline: null },
      { lead: ['交通运输部', '海关总署'], participants: [], joint: true, deadline: null },
    ]);
    expect(doc.measures[0]?.origin).toBe('table');
  });

  it('keeps reading a tab-separated table past its group heading rows (一、…方面（共2项）)', () => {
    const doc = extractOne(
      '国务院办公厅关于推广支持创新相关改革举措的通知\n国办发〔2018〕126号\n附件\n序号\t改革举措\t主 要 内 容\t指导部门\t推广范围\n一、知识产权保护方面（共1项）\n1\t专利保险机制\t开发专利保险产品。\t国家知识产权局、中国银保监会\t全国\n二、科技金融创新方面（共2项）\n三、管理体制创新方面（共1项）\n4\t决策容错机制\t制定地方性法规。\t国家发展改革委\t全国\n',
    );
    expect(doc.measures.map((m) => [m.line, m.text, m.lead, m.origin])).toEqual([
      [6, '专利保险机制开发专利保险产品。', ['国家知识产权局', '中国银保监会'], 'table'],
      [9, '决策容错机制制定地方性法规。', ['国家发展改革委'], 'table'],
    ]);
  });

  it('reads a space-separated table without 序号 with 牵头单位/配合单位/完成时限 columns', () => {
    const doc = extractOne(
      `${TITLE}附件\n工作措施 牵头单位 配合单位 完成时限\n建设城市大脑应用场景 市数据资源局 市发展改革委、市财政局 2021年12月底前\n推进一网通办 市政务服务办 各区、县（市）政府 2021年6月底前\n`,
    );
    expect(doc.measures.map((m) => roles(m))).toEqual(CITY_BRAIN_ROLES);
  });

  it('reads a stacked table (one column name per line) with a leader column', () => {
    const doc = extractOne(
      `${TITLE}附件\n序号\n工作任务\n责任领导\n牵头单位\n配合单位\n完成时限\n1\n建设城市大脑应用场景\n张三\n市数据资源局\n市发展改革委、市财政局\n2021年12月底前\n2\n推进一网通办\n李四\n市政务服务办\n各区、县（市）政府\n2021年6月底前\n`,
    );
    expect(doc.measures.map((m) => roles(m))).toEqual(CITY_BRAIN_ROLES);
  });

  it('reads 责任单位 and 时间节点/进度安排 columns', () => {
    const doc = extractOne(
      `${TITLE}序号\t工作任务\t责任单位\t进度安排\n1\t完成全市老旧小区改造100个\t市住房城乡建设局\t2021年底前\n2\t每季度通报改造进展\t市住房城乡建设局、市财政局\t每季度\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['市住房城乡建设局'], deadline: '2021-12-31' });
    expect(doc.measures[1]?.deadlineKind).toBe('recurring');
    expect(doc.measures[1]?.period).toBe('quarter');
  });
});
