// Responsibility written without a round bracket in local work plans: the item's last sentence
// (`市教育局牵头，市财政局配合。`) and role labels between square brackets (`【牵头单位】市民政局`).
// Synthetic documents written for these tests.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from '../src/extractor/forms.testing';

const CITY = '安川市人民政府办公室关于印发安川市2025年为民办实事项目实施方案的通知\n安政办发〔2025〕9号\n';

describe('an item closed by an unbracketed responsibility sentence', () => {
  it('reads the last sentence of each item as its annotation', () => {
    const doc = extractOne(
      `${CITY}一、新建城市书房20个\n2025年10月底前全部开放。市文化广电旅游局牵头，市财政局、市自然资源局配合，各区人民政府负责落实。\n二、新增公共停车泊位5000个\n优化停车信息平台，2025年底前完成。由市城管局牵头，市公安局交警支队参与。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市文化广电旅游局'],
        participants: ['市财政局', '市自然资源局', '各区人民政府'],
        deadline: '2025-10-31',
      },
      { lead: ['市城管局'], participants: ['市公安局交警支队'], deadline: '2025-12-31' },
    ]);
  });

  it('reads one such sentence when the document is annotated elsewhere', () => {
    const doc = extractOne(
      `${CITY}一、改造农贸市场8个\n完善市场排水和冷链设施。（牵头单位：市商务局）\n二、建设社区嵌入式托育点\n新增托位600个。市卫生健康委牵头，市妇联配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市商务局'], participants: [], deadline: null },
      { lead: ['市卫生健康委'], participants: ['市妇联'], deadline: null },
    ]);
  });

  it('leaves a duty sentence (各区人民政府要积极配合) alone: it is no annotation', () => {
    const doc = extractOne(
      `${CITY}一、改造农贸市场8个\n完善市场排水和冷链设施。（牵头单位：市商务局）\n二、建设社区嵌入式托育点\n新增托位600个。各区人民政府要积极配合。\n`,
    );
    // (The prose reader may still read the duty sentence itself; no annotation is made of it.)
    expect(doc.measures.filter((m) => m.basis !== 'prose').map(roles)).toEqual([
      { lead: ['市商务局'], participants: [], deadline: null },
    ]);
  });
});

describe('an item opened by a 由…负责 clause', () => {
  it('reads `由A、B负责，…` at the start of an item sentence as its annotation in an annotated document', () => {
    const doc = extractOne(
      `${CITY}一、改造农贸市场8个\n完善市场排水和冷链设施。（牵头单位：市商务局）\n二、整治校园周边交通秩序\n由市公安局交警支队、市教育局负责，每月开展一次联合巡查。\n三、建设社区食堂\n新建社区食堂30个。由市民政局牵头，市市场监管局配合，2025年9月底前建成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市商务局'], participants: [], deadline: null },
      { lead: ['市公安局交警支队', '市教育局'], participants: [], deadline: null },
      { lead: ['市民政局'], participants: ['市市场监管局'], deadline: '2025-09-30' },
    ]);
    expect(doc.measures[1]?.deadlineKind).toBe('recurring');
  });

  it('reads such items between annotated ones, and a collective given its own duty there', () => {
    const doc = extractOne(
      `${CITY}（一）健全责任体系。修订成员单位工作职责。责任单位：市安委办，各县（市、区）。\n（二）开展隐患排查。市安委会各成员单位按照职责分工，组织开展本行业领域隐患排查。时间：全年。\n（三）整治道路交通。由市交通运输局、市公安局交警支队负责，每季度开展一次联合执法。\n（四）加强宣传教育。开展安全生产月活动。（责任单位：市应急管理局，完成时限：2025年6月底前）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      // 各县（市、区） is the county level (LABELLING §4); after the 责任单位 label it leads with the office (§3).
      { lead: ['市安委办', '各县'], participants: [], deadline: null },
      { lead: ['市安委会各成员单位'], participants: [], deadline: null },
      { lead: ['市交通运输局', '市公安局交警支队'], participants: [], deadline: null },
      { lead: ['市应急管理局'], participants: [], deadline: '2025-06-30' },
    ]);
    expect(doc.measures[2]?.deadlineKind).toBe('recurring');
    expect(doc.measures[1]?.basis).toBe('prose');
  });

  it('leaves `由A负责` inside a sentence that gives a duty of its own (要) to the prose reader', () => {
    const doc = extractOne(
      `${CITY}一、改造农贸市场8个\n完善市场排水和冷链设施。（牵头单位：市商务局）\n二、规范摊位管理\n由各区人民政府要负责，加强日常巡查。\n`,
    );
    expect(doc.measures.filter((m) => m.basis !== 'prose').map(roles)).toEqual([
      { lead: ['市商务局'], participants: [], deadline: null },
    ]);
  });
});

describe('role-label lines after the last item of a section', () => {
  it('belong to that item when its siblings carry annotations of their own (not a labelled-field block)', () => {
    const doc = extractOne(
      `${CITY}一、提升政务服务效能\n1.推行一件事一次办。2025年9月底前实现20个一件事集成办理。（市政务服务数据管理局牵头，市发展改革委配合）\n2.深化审批改革。\n全面推行告知承诺制。（牵头单位：市住房城乡建设局，配合单位：市财政局）\n3.规范涉企检查。\n责任单位：市司法局\n完成时限：2025年12月底前\n二、强化要素保障\n4.降低用地成本。实行工业用地弹性年期出让。（市自然资源局负责）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市政务服务数据管理局'], participants: ['市发展改革委'], deadline: '2025-09-30' },
      { lead: ['市住房城乡建设局'], participants: ['市财政局'], deadline: null },
      { lead: ['市司法局'], participants: [], deadline: '2025-12-31' },
      { lead: ['市自然资源局'], participants: [], deadline: null },
    ]);
  });
});

describe('role labels between square brackets', () => {
  it('reads 【牵头单位】A【配合单位】B【完成时限】… as the labelled fields of the item above', () => {
    const doc = extractOne(
      `${CITY}一、新增养老护理床位1000张\n【牵头单位】市民政局【配合单位】市卫生健康委、市医保局【完成时限】2025年11月底前\n二、建设口袋公园15个\n〔责任单位〕市园林局，各区人民政府\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市民政局'], participants: ['市卫生健康委', '市医保局'], deadline: '2025-11-30' },
      // A 责任单位 field line on its own line reads like a 责任单位 cell: the local governments lead with the bureau
      // (LABELLING §3; inside an item's own bracket they would take part).
      { lead: ['市园林局', '各区人民政府'], participants: [], deadline: null },
    ]);
  });
});

describe('tables pasted with pipes', () => {
  it('reads | 序号 | 任务 | 牵头单位 | … | rows, the |---| rule under the header included, as a grid table', () => {
    const doc = extractOne(
      `${CITY}| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |\n|---|---|---|---|---|\n| 1 | 建成城市书房20个 | 市文化广电旅游局 | 市财政局、各区人民政府 | 2025年10月 |\n| 2 | 新增公共停车泊位5000个 | 市城管局 | 市公安局 | 持续推进 |\n`,
    );
    expect(doc.measures.map((m) => ({ ...roles(m), kind: m.deadlineKind }))).toEqual([
      {
        lead: ['市文化广电旅游局'],
        participants: ['市财政局', '各区人民政府'],
        deadline: '2025-10-31',
        kind: 'date',
      },
      { lead: ['市城管局'], participants: ['市公安局'], deadline: null, kind: 'ongoing' },
    ]);
  });
});

describe('level groups in a bare list', () => {
  it('keeps 各乡镇 / 各街道办事处 / 各市人民政府 as parties of a bracket without a verb', () => {
    const doc = extractOne(
      `${CITY}一、整治农村人居环境\n（一）清理河道垃圾。（市水利局、市生态环境局、各乡镇）\n（二）规范占道经营。（市城管局、各街道办事处）\n（三）建设充电设施。（市发展改革委，各市人民政府）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水利局', '市生态环境局', '各乡镇'], participants: [], deadline: null },
      { lead: ['市城管局', '各街道办事处'], participants: [], deadline: null },
      { lead: ['市发展改革委', '各市人民政府'], participants: [], deadline: null },
    ]);
  });
});

describe('a section heading closed by its annotation', () => {
  it('gives its lead to the items without their own, also when a sibling item has one', () => {
    const doc = extractOne(
      `${CITY}一、壮大数字经济（牵头单位：市大数据局）\n1．引进数字经济企业30家。\n2．建设算力中心一期。（市发展改革委负责）\n3．培育工业互联网平台3个。\n`,
    );
    expect(doc.measures.map((m) => ({ key: m.key, ...roles(m) }))).toEqual([
      { key: '一/1.', lead: ['市大数据局'], participants: [], deadline: null },
      { key: '一/2.', lead: ['市发展改革委'], participants: [], deadline: null },
      { key: '一/3.', lead: ['市大数据局'], participants: [], deadline: null },
    ]);
  });
});

describe('local parties of a bare list', () => {
  it('reads people’s organisations and the committees and governments of one level', () => {
    const doc = extractOne(
      `${CITY}一、关爱困难群体\n（一）开展送温暖活动。（团市委、市妇联、市残联）\n（二）落实结对帮扶。（市委组织部、市民政局，各县市区党委、政府）\n（三）建设便民服务站。（市商务局、市供销社，各乡镇（街道））\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['团市委', '市妇联', '市残联'], participants: [], deadline: null },
      { lead: ['市委组织部', '市民政局', '各县市区党委、政府'], participants: [], deadline: null },
      { lead: ['市商务局', '市供销社', '各乡镇'], participants: [], deadline: null },
    ]);
  });

  it('reads a local level with its alternative in brackets as that level (LABELLING §4), never a province’s', () => {
    const doc = extractOne(
      `${CITY}一、推进简政放权\n1.承接下放事项。〔牵头单位：区政府办公室，责任单位：区政府有关部门，各街道（功能区）〕\n2.开展评估。（牵头单位：区司法局，配合单位：各县（市、区）人民政府、各省（自治区、直辖市））\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区政府办公室'], participants: ['区政府有关部门', '各街道'], deadline: null },
      {
        lead: ['区司法局'],
        participants: ['各县（市、区）人民政府', '各省（自治区、直辖市）'],
        deadline: null,
      },
    ]);
  });
});

describe('designations and implementing clauses in a bracket', () => {
  it('reads （由A牵头负责）, （A具体负责） and （A牵头，B组织实施） like their plain forms', () => {
    const doc = extractOne(
      `${CITY}一、改善民生\n（一）建设口袋公园。（由市城管局牵头负责）\n（二）改造农贸市场。（市商务局具体负责）\n（三）新建养老驿站。（市民政局牵头，各区政府组织实施）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市城管局'], participants: [], deadline: null },
      { lead: ['市商务局'], participants: [], deadline: null },
      { lead: ['市民政局'], participants: ['各区政府'], deadline: null },
    ]);
  });

  it('does not read a clause before 落实/实施 as a group (（由各地根据实际情况组织实施）, （各地区按照要求抓紧落实）)', () => {
    const doc = extractOne(
      `${CITY}一、改善民生\n（一）建设口袋公园。（由各地根据实际情况组织实施）\n（二）改造农贸市场。（各地区按照要求抓紧落实）\n`,
    );
    expect(doc.measures.filter((m) => m.basis !== 'prose')).toEqual([]);
  });
});

describe('state-owned enterprises and autonomous counties', () => {
  it('reads 省属企业 / 市属国有企业 as parties and 各区县（自治县）政府 as one level group', () => {
    const doc = extractOne(
      `${CITY}一、深化国企改革\n（一）完善公司治理。（市国资委牵头，市属国有企业配合）\n（二）推进混合所有制改革。（市国资委，各区县（自治县）政府）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市国资委'], participants: ['市属国有企业'], deadline: null },
      { lead: ['市国资委', '各区县（自治县）政府'], participants: [], deadline: null },
    ]);
  });
});

describe('section numbers and articles as item headings', () => {
  it('reads 1.1 / 2.3 sections and 第一条 articles as items, not figures such as 1.5万人 or 76.3岁', () => {
    const doc = extractOne(
      `${CITY}一、城市建设\n1.1 完成主干道改造12公里。（市住建局负责）\n1.2新建口袋公园6个。（市园林局负责）\n二、社会事业\n第一条 新增普惠托位800个。（市卫生健康委负责）\n第二条 新建社区食堂10个。（市民政局负责）\n三、目标\n1.5万人次参加技能培训。人均预期寿命76.3岁。\n`,
    );
    expect(doc.measures.map((m) => ({ key: m.key, line: m.line, lead: m.lead }))).toEqual([
      { key: '一/1.1', line: 4, lead: ['市住建局'] },
      { key: '一/1.2', line: 5, lead: ['市园林局'] },
      { key: '二/第一条', line: 7, lead: ['市卫生健康委'] },
      { key: '二/第二条', line: 8, lead: ['市民政局'] },
    ]);
  });
});

describe('role labels after the item sentence on the same line', () => {
  it('reads …。牵头单位：A；配合单位：B；完成时限：… as the item’s bracket, but not labels inside a bracket', () => {
    const doc = extractOne(
      `${CITY}一、扩大有效投资\n1.加快重大项目建设，全年完成投资120亿元。牵头单位：市发改委；配合单位：市财政局、市自然资源局；完成时限：2025年12月底前。\n2.实施消费提振行动。责任单位：市商务局，各县（市、区）人民政府。\n3.推进园区提质增效。[牵头单位:市工信局;责任单位:各园区管委会]\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市发改委'], participants: ['市财政局', '市自然资源局'], deadline: '2025-12-31' },
      { lead: ['市商务局', '各县（市、区）人民政府'], participants: [], deadline: null },
      { lead: ['市工信局'], participants: ['各园区管委会'], deadline: null },
    ]);
  });
});
