// Forms met in the seen held-out sets (heldout-1, heldout-2) that recur in other documents: open lists closing a
// bracket of a local document, and the sentence forms of national prose paragraphs. Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { findDeadline } from './deadline';
import { extractOne, roles } from './forms.testing';

const PROVINCE =
  '某省人民政府关于印发2024年省政府重点工作分工方案的通知\n某政〔2024〕3号\n各市人民政府，省政府各部门：\n';

describe('open lists closing a bracket', () => {
  it('in a local document, the open rest of `A、B等相关部门按职责分工负责` takes part, with or without a lead', () => {
    const doc = extractOne(
      `${PROVINCE}1.扩大有效投资，推进重大项目建设。(省发展改革委、自然资源厅、交通运输厅等相关部门按职责分工负责)\n2.稳住外贸外资基本盘。(省商务厅牵头,省财政厅、郑州海关等相关部门按职责分工负责)\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省发展改革委', '自然资源厅', '交通运输厅'], participants: ['相关部门'], deadline: null },
      { lead: ['省商务厅'], participants: ['省财政厅', '郑州海关', '相关部门'], deadline: null },
    ]);
  });

  it('in a national document the corpus reading holds: the open rest is dropped', () => {
    const doc = extractOne(
      '国务院办公厅关于推进某项改革的意见\n国办发〔2024〕9号\n一、扩大有效投资。（国家发展改革委、自然资源部等有关部门按职责分工负责）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国家发展改革委', '自然资源部'], participants: [], deadline: null },
    ]);
  });
});

const NATIONAL = '国务院办公厅关于完善项目评审制度的指导意见\n国办发〔2024〕9号\n';

describe('prose duty sentences', () => {
  it('reads a sentence closing on the party answering for something (`A对…负责。`) as a duty of A', () => {
    const doc = extractOne(
      `${NATIONAL}（五）压实评审责任。项目审批部门主要负责人是落实本部门评审制度的第一责任人，对本部门的审批决定负责。项目承办机构对申报材料的真实性、完整性，以及申报程序的合法性负责。技术评审机构对评审结论负责。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['项目审批部门', '项目承办机构', '技术评审机构'], participants: [], deadline: null },
    ]);
  });

  it('reads the units making up a mechanism a party sets up as participants, and that party as the holder', () => {
    const doc = extractOne(
      `${NATIONAL}（六）健全工作机制。各地区要加强组织实施。要完善协调制度，县级以上人民政府建立公安、民政、财政、审计等单位参加的评审工作联席会议制度。各省（区、市）人民政府要建立省级发展改革部门牵头、省级有关部门参与的工作推进机制。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['各地区', '县级以上人民政府', '各省（区、市）人民政府'],
        participants: ['公安', '民政', '财政', '审计', '省级发展改革部门', '省级有关部门'],
        deadline: null,
      },
    ]);
  });

  it('splits `A区、B区和C管委会` after 会同 into the districts and the zone body', () => {
    const doc = extractOne(
      `${NATIONAL}（七）统筹建设资金。建设资金管理办法由市财政局会同黄浦区、静安区和虹桥商务区管委会制定。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市财政局'], participants: ['黄浦区', '静安区', '虹桥商务区管委会'], deadline: null },
    ]);
  });

  it('reads 各有关省（市） as 各有关省, and a supervising office going on to duties of its own as a holder', () => {
    const doc = extractOne(
      `${NATIONAL}（八）抓好任务落实。各有关部门要按职责做好评审改革措施的分解。评审改革工作领导小组办公室要加强督促检查，对发现的问题要限时整改，及时总结经验并推广。各有关省（市）要把落实改革措施列入本地区重点工作。\n（九）强化监督。各地区要完善评审制度。国务院办公厅要适时开展督促检查。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各有关部门', '评审改革工作领导小组办公室', '各有关省'], participants: [], deadline: null },
      { lead: ['各地区'], participants: ['国务院办公厅'], deadline: null },
    ]);
  });
});

describe("parties contributing to another's selection", () => {
  it('reads nominators (`由A推荐`) and a long 会同 list as participants of the selecting party', () => {
    const doc = extractOne(
      `${NATIONAL}（十）遴选示范项目。示范项目由省级发展改革部门推荐，国家发展改革委会同教育部、科技部、工业和信息化部、财政部、人力资源社会保障部、自然资源部、生态环境部、住房城乡建设部、交通运输部、水利部、农业农村部、商务部等部门评审确定。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['国家发展改革委'],
        participants: [
          '省级发展改革部门',
          '教育部',
          '科技部',
          '工业和信息化部',
          '财政部',
          '人力资源社会保障部',
          '自然资源部',
          '生态环境部',
          '住房城乡建设部',
          '交通运输部',
          '水利部',
          '农业农村部',
          '商务部',
        ],
        deadline: null,
      },
    ]);
  });
});

describe('会同 partners before the verb', () => {
  it('ends a 会同 list at 组建 / 成立', () => {
    const doc = extractOne(
      `${NATIONAL}（十一）加强组织保障。国家发展改革委会同有关部门组建评审专家库，统筹推进评审工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国家发展改革委'], participants: ['有关部门'], deadline: null },
    ]);
  });
});

describe('deadlines and periods of notice paragraphs', () => {
  const year = { documentYear: 2024 };

  it("does not read the year naming a plan's tasks (`确保2024年各项年度目标任务…完成`) as a deadline", () => {
    expect(findDeadline('各单位要狠抓落实，确保2024年各项年度目标任务全面完成。', year)).toBeNull();
    expect(findDeadline('全力冲刺，确保2024年全年重点工作任务落地见效。', year)).toBeNull();
    expect(findDeadline('各单位要狠抓落实，确保2024年底前全面完成。', year)?.deadline).toBe('2024-12-31');
  });

  it('reads 按季 like 按季度: a quarterly duty', () => {
    expect(findDeadline('各责任单位要按季报送工作进展情况。', year)).toMatchObject({
      deadline: null,
      deadlineKind: 'recurring',
      period: 'quarter',
    });
  });

  it('reads `明年X月份` as a month of the next year, a milestone before 明年年底', () => {
    const found = findDeadline('确保一期厂房明年5月份竣工、二期明年9月底前投产，明年年底前全面达产。', year);
    expect(found?.deadline).toBe('2025-12-31');
    expect(found?.milestones?.map((m) => m.date)).toEqual(['2025-05-31', '2025-09-30']);
  });

  it('reads `年中和年末` as twice a year, not as two dates of the document year', () => {
    expect(findDeadline('各乡镇要于年中和年末各开展一次督导检查，结果报县政府。', year)).toMatchObject({
      deadline: null,
      deadlineKind: 'recurring',
      period: 'half-year',
    });
    expect(
      findDeadline('各乡镇要于年中和年末各开展一次督导检查，2024年10月底前完成整改。', year)?.deadline,
    ).toBe('2024-10-31');
  });

  it('keeps two steps due the same day as two milestones', () => {
    const found = findDeadline(
      '专项资金须于2024年6月底前下达70%以上、9月底前全部下达。2024年第3季度对资金使用情况进行检查，12月底前完成绩效评价。',
      year,
    );
    expect(found?.deadline).toBe('2024-12-31');
    expect(found?.milestones?.map((m) => m.date)).toEqual(['2024-06-30', '2024-09-30', '2024-09-30']);
  });

  it('reads `月开展一次督查` (每 left out) as a monthly duty, not `3个月开展一次`', () => {
    expect(findDeadline('县政府督查室要建立台账，月开展一次督查督办。', year)).toMatchObject({
      deadlineKind: 'recurring',
      period: 'month',
    });
    expect(findDeadline('县政府督查室要建立台账，季度召开一次调度会。', year)?.period).toBe('quarter');
    expect(findDeadline('县政府督查室要建立台账，3个月开展一次督查督办。', year)).toBeNull();
  });
});

const COUNTY =
  '某县人民政府关于印发2024年县政府工作报告重点任务分解的通知\n某政发〔2024〕2号\n各镇人民政府，县直各单位：\n';

describe('notice paragraphs of a local breakdown', () => {
  it('reads 相关单位 supporting the holders (`相关单位要…积极配合`) as a participant', () => {
    const doc = extractOne(
      `${COUNTY}一、各责任单位要对照分解清单，细化工作措施，明确完成时限。相关单位要履职尽责、积极配合，形成工作合力。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各责任单位'], participants: ['相关单位'], deadline: null },
    ]);
  });
});
