// The closing section of an annotated document (`四、保障措施`, `五、组织实施`) and prose duty forms of national 意见
// and 通知 (dated steps, sector lists, when-clauses, counterparts): synthetic documents written for each form.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const TITLE = '国务院办公厅关于开展海洋垃圾综合治理试点工作的通知\n国办发〔2020〕99号\n';

describe('the closing section of an annotated document', () => {
  it('reads the duties under a closing heading as prose, without the document-wide rule of the annotations', () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。开展岸线垃圾普查。（自然资源部指导，沿海城市政府负责落实。以下均需沿海城市政府落实，不再列出）\n（二）完善标准。制定垃圾分类收运标准。（住房城乡建设部指导）\n二、保障措施\n（一）强化统筹。沿海城市政府要把试点工作纳入年度重点任务。\n（二）强化指导。自然资源部会同农业农村部、交通运输部等部门遴选试点海湾。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['自然资源部'], participants: ['沿海城市政府'], deadline: null },
      { lead: ['住房城乡建设部'], participants: ['沿海城市政府'], deadline: null },
      { lead: ['沿海城市政府'], participants: [], deadline: null },
      { lead: ['自然资源部'], participants: ['农业农村部', '交通运输部'], deadline: null },
    ]);
    expect(doc.measures.slice(2).every((m) => m.basis === 'prose')).toBe(true);
  });

  it('reads a closing request on a line of its own once, not also as the run-on of the item above it', () => {
    const doc = extractOne(
      '某市人民政府督查室关于交办2024年第一批督办事项的通知\n各县（市、区）人民政府：\n一、推动重点项目开工建设（主办单位：市发展改革委；协办单位：市自然资源和规划局；办结时限：2024年3月底）\n请各承办单位于每月25日前将办理进展情况报送市政府督查室。\n',
    );
    expect(doc.measures.map((m) => [m.line, m.lead])).toEqual([
      [3, ['市发展改革委']],
      [4, ['各承办单位']],
    ]);
  });

  it('reads the unheaded closing paragraphs after an item closed by its annotation, up to the signature', () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。开展岸线垃圾普查。（自然资源部负责）\n各地区、各有关部门要加强宣传。体育总局要会同有关方面做好指导工作，重大事项及时报告国务院。\n各有关部门制定的实施办法，于2020年12月31日前报送国务院办公厅。从2021年起，各有关部门于每年2月底前提出名单。国务院办公厅将会同有关方面统筹开展督查激励工作。\n国务院办公厅\n2020年5月6日\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['自然资源部'], participants: [], deadline: null },
      { lead: ['各地区', '各有关部门', '体育总局'], participants: ['有关方面'], deadline: null },
      // The issuer announcing its own follow-up (国务院办公厅将…) takes part beside the holders; 报送 names a recipient.
      { lead: ['各有关部门'], participants: ['国务院办公厅', '有关方面'], deadline: '2020-12-31' },
    ]);
  });

  it('reads nothing below a last item whose annotation does not close it (the lines below are its text)', () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。（自然资源部负责）开展岸线垃圾普查\n各地区要加强宣传。\n`,
    );
    expect(doc.measures).toHaveLength(1);
  });

  it("gives a subjectless sentence's 会同 partners to the paragraph's holder", () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。开展岸线垃圾普查。（自然资源部负责）\n二、组织实施\n海关总署要继续做好牵头工作。要加大统筹协调力度，会同有关部门建立部门协调机制。\n`,
    );
    expect(doc.measures.slice(1).map(roles)).toEqual([
      { lead: ['海关总署'], participants: ['有关部门'], deadline: null },
    ]);
  });

  it('makes a party that only guides or appraises the work take part, the party in charge (是…责任主体) lead', () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。开展岸线垃圾普查。（自然资源部负责）\n二、实施步骤\n（一）推进试点。沿海城市政府是试点工作的责任主体，要细化工作安排。生态环境部会同有关部门对试点工作进行指导。\n（二）总结评估。沿海城市政府要形成总结报告。生态环境部会同有关部门组织开展试点工作成效评估。\n`,
    );
    expect(doc.measures.slice(1).map(roles)).toEqual([
      { lead: ['沿海城市政府'], participants: ['生态环境部', '有关部门'], deadline: null },
      { lead: ['沿海城市政府'], participants: ['生态环境部', '有关部门'], deadline: null },
    ]);
  });

  it('keeps 各有关地区和部门 as one party and reads 依法 / 依职责 as duty markers', () => {
    const doc = extractOne(
      `${TITLE}一、主要任务\n（一）摸清底数。开展岸线垃圾普查。（自然资源部负责）\n二、组织实施\n（一）守住底线。各有关地区和部门要强化风险意识。各沿海省人民政府依法做好本辖区海域监管。各有关部门依职责指导本领域工作。\n（二）加强协调。国务院自由贸易试验区工作部际联席会议办公室要做好协调服务。各有关部门要加强指导。\n`,
    );
    expect(doc.measures.slice(1).map(roles)).toEqual([
      {
        lead: ['各有关地区和部门', '各沿海省人民政府', '各有关部门'],
        participants: [],
        deadline: null,
      },
      {
        lead: ['国务院自由贸易试验区工作部际联席会议办公室', '各有关部门'],
        participants: [],
        deadline: null,
      },
    ]);
  });
});

const GUIDANCE = '国务院办公厅关于加强二级公立医院运行监测工作的意见\n国办发〔2021〕77号\n';

describe('dated steps and sector lists in prose duties', () => {
  it('reads the party of each dated step (with or without a comma after the date) and its goal verb', () => {
    const doc = extractOne(
      `${GUIDANCE}一、工作安排\n（一）搭建平台。2021年5月底前，国家卫生健康委建立全国监测平台。2021年9月底前各省份要接入省级数据。\n（二）统一标准。2021年6月底前，国家卫生健康委发布监测指标。国家中医药局印发中医监测指标。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国家卫生健康委', '各省份'], participants: [], deadline: '2021-09-30' },
      { lead: ['国家卫生健康委', '国家中医药局'], participants: [], deadline: '2021-06-30' },
    ]);
  });

  it('keeps the abbreviated sector names of a list closed by 等部门 as written', () => {
    const doc = extractOne(
      `${GUIDANCE}一、组织实施\n（一）形成合力。财政、医保、卫生健康等部门要建立信息共享机制。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['财政', '医保', '卫生健康'], participants: [], deadline: null },
    ]);
  });

  it('does not read a goal verb after a name the registry does not know, without a date', () => {
    const doc = extractOne(
      `${GUIDANCE}一、工作安排\n（一）搭建平台。监测中心发布年度报告。各地要做好数据报送。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各地'], participants: [], deadline: null }]);
  });
});

describe('duty holders of an 指导意见 on administrative procedure', () => {
  const OPINION = '国务院办公厅关于规范行政许可听证程序的指导意见\n国办发〔2022〕31号\n';

  it('reads a party whose own act times its duty (A…前，要 / A…后，要) and offices named by function (…机构)', () => {
    const doc = extractOne(
      `${OPINION}一、规范听证\n（一）明确听证前审查。许可实施机关举行听证前，要公告听证事项。\n（二）明确听证后处理。听证记录机构整理笔录后，要及时送交许可承办机构。许可承办机构要据此作出决定。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['许可实施机关'], participants: [], deadline: null },
      { lead: ['听证记录机构', '许可承办机构'], participants: [], deadline: null },
    ]);
  });

  it('labels the unit whose head is 第一责任人 (A主要负责人是…的第一责任人)', () => {
    const doc = extractOne(
      `${OPINION}一、压实责任\n（一）明确责任。许可实施机关主要负责人是本机关听证工作的第一责任人，对听证结果负责。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['许可实施机关'], participants: [], deadline: null }]);
  });
});

describe('duties stated as work on an object (对…进行 / 对…给予) and the counterparts of a mechanism', () => {
  const NOTICE = '国务院办公厅关于开展农村公路养护排查工作的通知\n国办发〔2023〕12号\n';

  it('reads A以…为单位，对…进行…, A对…给予支持 and 与B、C等部门的协调机制', () => {
    const doc = extractOne(
      `${NOTICE}一、工作措施\n（一）全面排查。各地以乡镇为单位，对农村公路养护情况进行全面排查。\n（二）加大投入。省级人民政府对养护资金缺口较大的县给予支持。\n（三）加强协同。各地区要建立与交通运输、财政、农业农村等部门的协调机制。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各地'], participants: [], deadline: null },
      { lead: ['省级人民政府'], participants: [], deadline: null },
      { lead: ['各地区'], participants: ['交通运输', '财政', '农业农村'], deadline: null },
    ]);
  });
});

describe('reporting duties and the provinces as a class', () => {
  const NOTICE = '国务院办公厅关于开展城市排水设施隐患排查的通知\n国办发〔2023〕40号\n';

  it('reads the party whose progress is to be reported (A…情况要定期报告 / A…等情况，要及时报送)', () => {
    const doc = extractOne(
      `${NOTICE}一、组织实施\n（一）加强督导。住房城乡建设部要加强指导。各地排查进展情况要定期报告国务院。\n（二）及时报送。各省（区、市）排查方案、整改台账等情况，要及时报送住房城乡建设部。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['住房城乡建设部', '各地'], participants: [], deadline: null },
      { lead: ['各省（区、市）'], participants: [], deadline: null },
    ]);
  });
});

describe('lead and supporting lists without 由, institution types, glued collectives', () => {
  const OPINION = '国务院办公厅关于加强校园食品安全管理的意见\n国办发〔2023〕55号\n';

  it('reads A牵头，B、C等部门配合 / A负责，B配合, and 各地各有关部门 as two parties', () => {
    const doc = extractOne(
      `${OPINION}一、压实责任\n（一）健全机制。市场监管部门牵头，教育、卫生健康等部门配合，建立联合检查制度。\n（二）明确分工。教育部门负责，公安部门配合。\n（三）加强领导。各地各有关部门要把校园食品安全摆上重要位置。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市场监管部门'], participants: ['教育', '卫生健康'], deadline: null },
      { lead: ['教育部门'], participants: ['公安部门'], deadline: null },
      { lead: ['各地', '各有关部门'], participants: [], deadline: null },
    ]);
  });

  it('reads institution types given a duty (各级各类学校, 医疗卫生机构), not an adverb before 配合', () => {
    const doc = extractOne(
      `${OPINION}一、落实主体责任\n（一）学校责任。各级各类学校要落实校长负责制。医疗卫生机构要做好食源性疾病监测，密切配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级各类学校', '医疗卫生机构'], participants: [], deadline: null },
    ]);
  });
});
