// Local (provincial/municipal/county) forms read since heldout-2 became development data: one synthetic document
// per form, written for these tests (not copied from any labelled document).
import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure } from '../src/index';
import { extractText, findDeadline } from '../src/index';

function extractOne(text: string): ExtractedDocument {
  const doc = extractText(text, 'form.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, joint: m.joint, deadline: m.deadline } : null;
}

const PROVINCE = '江西省人民政府关于印发全省重点工作分工方案的通知\n赣府字〔2022〕8号\n';

describe('local role lines', () => {
  it('reads a 部门分工： line whose value carries its own verbs, skipping the 分管省领导： person line', () => {
    const doc = extractOne(
      `${PROVINCE}一、主要目标\n1.城乡居民收入稳步增长。\n分管省领导:王某某\n部门分工:省人力资源社会保障厅牵头,各地、各部门配合。\n2.粮食产量保持稳定。\n分管省领导:李某某\n部门分工:省农业农村厅牵头,省粮食局配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省人力资源社会保障厅'], participants: ['各地', '各部门'], joint: false, deadline: null },
      { lead: ['省农业农村厅'], participants: ['省粮食局'], joint: false, deadline: null },
    ]);
  });
});

describe('scope labels in brackets', () => {
  it('skips 适用范围：… after 负责部门：… (a scope is not a party)', () => {
    const doc = extractOne(
      `${PROVINCE}（一）在试验区开展跨境数据流动试点。（负责部门：省商务厅、省通信管理局；适用范围：南昌片区）\n（二）支持设立国际船舶登记中心。（负责部门：省交通运输厅，适用范围：九江片区、赣州片区）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省商务厅', '省通信管理局'], participants: [], joint: true, deadline: null },
      { lead: ['省交通运输厅'], participants: [], joint: true, deadline: null },
    ]);
  });
});

describe('lead conventions', () => {
  it('reads （第一责任单位为牵头单位，下同） on a 责任单位： line as a first-is-lead rule for the document', () => {
    const doc = extractOne(
      `${PROVINCE}（一）清理涉企收费项目，公布收费目录清单。\n责任单位：省发展改革委、省财政厅、省市场监管局（第一责任单位为牵头单位，下同）\n（二）压减审批环节。\n责任单位：省政务服务办、省司法厅\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省发展改革委'], participants: ['省财政厅', '省市场监管局'], joint: false, deadline: null },
      { lead: ['省政务服务办'], participants: ['省司法厅'], joint: false, deadline: null },
    ]);
  });
});

describe('section headings', () => {
  it('lets a section heading annotation cover the paragraph under it, with its dated target', () => {
    const doc = extractOne(
      `${PROVINCE}为推动产业升级，制定以下举措。\n一、壮大数字经济（省通信管理局牵头）\n围绕算力设施和数据要素市场布局项目。2024年，力争数字经济核心产业增加值增长10%。\n`,
    );
    expect(doc.measures).toHaveLength(1);
    expect(roles(doc.measures[0])).toEqual({
      lead: ['省通信管理局'],
      participants: [],
      joint: false,
      deadline: '2024-12-31',
    });
    expect(doc.measures[0]?.text).toContain('围绕算力设施');
  });
});

describe("prose duties of a unit's post-holder", () => {
  it("reads 各X的主要负责同志要… and X主要负责人作为…第一责任人，要… as the unit's duty", () => {
    const doc = extractOne(
      '某市人民政府关于抓好年度民生工程的通知\n某政发〔2024〕6号\n各区人民政府，市政府各部门：\n一、压实责任。各承办单位的主要负责同志要对民生工程负总责，亲自研究部署。\n二、强化协同。各区、各部门主要负责人作为民生工程的第一责任人，要加强协调，形成合力。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各承办单位'], ['各区', '各部门']]);
  });
});

describe('local party names', () => {
  it('accepts 相关街道 and a development zone beside a role verb', () => {
    const doc = extractOne(
      `${PROVINCE}一、整治背街小巷。（县住房城乡建设局牵头，相关街道、城南高新区配合）\n`,
    );
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['县住房城乡建设局'],
      participants: ['相关街道', '城南高新区'],
    });
  });
});

describe('notice subjects', () => {
  it('reads 各地、各部门要… in a notice before its breakdown table', () => {
    const doc = extractOne(
      `某市人民政府办公室关于印发重点工作责任分解的通知\n某政办发〔2024〕2号\n各县（市、区）人民政府，市级有关部门：\n各地、各部门要对标年度目标，细化工作举措，确保任务按期完成。\n重点工作责任分解\n序号\t主要工作任务\t责任单位\n1\t新增城镇就业3万人。\t市人力社保局\n`,
    );
    expect(doc.measures.map((m) => m.lead)).toEqual(
      expect.arrayContaining([['各地', '各部门'], ['市人力社保局']]),
    );
    expect(doc.measures).toHaveLength(2);
  });
});

describe('collectives written without a separator', () => {
  it('splits 各乡镇各部门 into the places and the departments, and keeps 各部门各单位 as one', () => {
    const head = '某县人民政府关于分解年度任务的通知\n某政〔2024〕4号\n各乡镇人民政府，县政府各部门：\n';
    const split = extractOne(`${head}一、各乡镇各部门要建立任务台账，逐月推进。\n`);
    expect(split.measures.map((m) => m.lead)).toEqual([['各乡镇', '各部门']]);
    const one = extractOne(`${head}一、各部门各单位要细化落实方案，抓好推进。\n`);
    expect(one.measures.map((m) => m.lead)).toEqual([['各部门各单位']]);
  });
});

describe('local supervision offices', () => {
  it('reads 旗政府督查室要… as a duty holder, and an office aside in brackets as no party', () => {
    const doc = extractOne(
      '各苏木乡镇人民政府，旗政府各部门：\n一、各部门要于4月10日前报送工作方案（报送对象为旗督查组，办公室设在旗政府办公室，电话：1234567）。\n二、旗政府督查室要加强日常调度，建立任务台账。\n某旗人民政府办公室\n2024年3月20日\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各部门'], ['旗政府督查室']]);
    expect(doc.measures[0]?.deadline).toBe('2024-04-10');
  });
});

describe('progress tables', () => {
  const HEAD =
    '某区2024年民生实事推进情况（1-6月）\n序号\t主要任务\t全年目标任务\t分管 领导\t牵头 单位\t责任主体与协同单位\t1-5月推进情况\t1-6月推进情况\t是否达序\t说明\n';

  it('reads tab-separated rows that leave out a column after the task and lose their empty last cell', () => {
    const doc = extractOne(
      `${HEAD}7\t改造老旧供水管网12公里。\t王某\t水务局\t住建局、相关街道\t完成40%。\t完成70%。\t是\t\n8\t新建口袋公园5个。\t王某\t园林局\t城东经济开发区、各街道\t完成1个。\t完成3个。\t否\t选址调整。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['水务局'], participants: ['住建局', '相关街道'], joint: false, deadline: null },
      { lead: ['园林局'], participants: ['城东经济开发区', '各街道'], joint: false, deadline: null },
    ]);
  });
});

describe('responsibility tables', () => {
  it('reads a 序号 / 主 要 工 作 任 务 / 责任单位 header with spaced letters', () => {
    const doc = extractOne(
      `${PROVINCE}附件\n重点工作责任分解\n序号\t主 要 工 作 任 务\t责任单位\n1\t城镇新增就业5万人。\t市人力社保局\n2\t新建保障性住房800套。\t市住房城乡建设局、市财政局\n`,
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['市人力社保局'], ['市住房城乡建设局', '市财政局']]);
  });
});

describe('yearless dates', () => {
  it('dates 5月8日（星期三）前 in the year of a Chinese-numeral signature', () => {
    const doc = extractOne(
      '各镇人民政府，区直各单位：\n一、各牵头单位要制定细化方案，于5月8日（星期三）前报区督查室。\n某区人民政府办公室\n二○二四年四月二十六日\n',
    );
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['各牵头单位'], deadline: '2024-05-08' });
  });

  it('reads 2024年3月25日、6月25日、9月25日前 … 12月25日前 as three milestones and the deadline', () => {
    const doc = extractOne(
      `${PROVINCE}各承办单位要于2024年3月25日、6月25日、9月25日前报送季度进展，12月25日前报送全年落实情况。\n`,
    );
    const m = doc.measures[0];
    expect(m?.deadline).toBe('2024-12-25');
    expect(m?.milestones?.map((s) => s.date)).toEqual(['2024-03-25', '2024-06-25', '2024-09-25']);
  });
});

describe('dated lists without a document year', () => {
  it('gives yearless steps the year of the dated step before them', () => {
    const doc = extractOne(
      '各市、县人民政府，省直各部门：\n一、加快资金下达。各级财政部门须于2024年4月底前下达50%以上、8月底前全部下达。（省财政厅牵头，各市、县人民政府配合）\n',
    );
    expect(doc.measures[0]?.deadline).toBe('2024-08-31');
    expect(doc.measures[0]?.milestones?.map((s) => s.date)).toEqual(['2024-04-30']);
  });
});

describe('next-year plans', () => {
  it('dates 明年年底 in a plan signed in December at the end of the next year', () => {
    const doc = extractOne(
      '某区人民政府办公室关于印发下一年度重点任务分解的通知\n各街道，区政府各部门：\n现将任务分解印发给你们。\n2023年12月20日\n1.推进科创园二期建设，确保明年年底前投入使用。[责任单位:区科技局、区城投公司]\n',
    );
    expect(roles(doc.measures[0])).toMatchObject({
      lead: ['区科技局', '区城投公司'],
      deadline: '2024-12-31',
    });
  });
});

describe('prose duty holders', () => {
  const NATIONAL = '国务院办公厅关于做好基层医疗服务评价工作的意见\n国办发〔2024〕9号\n';

  it('reads hospitals as a class, 各省份, and a dated step 于…前 as duty markers', () => {
    const doc = extractOne(
      `${NATIONAL}一、工作任务\n（一）规范数据填报。二级公立医院要按照统一标准填报服务数据。\n（二）开展省级评价。各省份于2024年10月底前完成辖区内评价工作。\n（三）开展国家评价。国家卫生健康委于2024年12月底前完成国家评价分析。\n`,
    );
    expect(doc.measures.map((m) => [m.lead, m.deadline])).toEqual([
      [['二级公立医院'], null],
      [['各省份'], '2024-10-31'],
      [['国家卫生健康委'], '2024-12-31'],
    ]);
  });
});

describe('yearly appraisal and monitoring', () => {
  it('reads 列入年度绩效考核 as yearly and a body that only monitors (将…进行网上监测和抽查) as a participant', () => {
    const doc = extractOne(
      '国务院办公厅关于加强政务热线管理的意见\n国办发〔2024〕12号\n（一）强化考核。各地区、各部门要将政务热线工作情况列入年度绩效考核。国务院办公厅将对各地区政务热线进行网上监测和抽查。\n',
    );
    const m = doc.measures[0];
    expect([m?.lead, m?.participants, m?.deadlineKind, m?.period]).toEqual([
      ['各地区', '各部门'],
      ['国务院办公厅'],
      'recurring',
      'year',
    ]);
  });
});

describe('partners and yearly plans in prose', () => {
  it('reads 会同有关部门进行… as a partner and 制定…、…和年度实施计划 as yearly', () => {
    const doc = extractOne(
      '国务院办公厅关于推进执法装备建设的意见\n国办发〔2024〕13号\n（一）保障装备。省级人民政府要制定执法装备配备标准、更新规划和年度实施计划。\n（二）加强指导。司法部要会同有关部门进行跟踪评估。\n',
    );
    expect(doc.measures.map((m) => [m.lead, m.participants, m.period])).toEqual([
      [['省级人民政府'], [], 'year'],
      [['司法部'], ['有关部门'], null],
    ]);
  });
});

describe('section paragraphs in prose', () => {
  it('reads 行政执法机关 as a class and lets the section paragraph pass to its subjectless items', () => {
    const doc = extractOne(
      '国务院办公厅关于规范涉企检查的指导意见\n国办发〔2024〕11号\n一、规范检查计划\n涉企检查关系营商环境。行政执法机关要按年度编制检查计划，向社会公开。\n（一）统一检查标准。制定统一的检查事项清单。\n（二）压减检查频次。市场监管总局要推行“综合查一次”。\n二、强化监督\n（三）畅通投诉渠道。建立企业投诉快速处理机制。\n',
    );
    expect(doc.measures.map((m) => [m.line, m.lead])).toEqual([
      [4, ['行政执法机关']],
      [5, ['行政执法机关']],
      [6, ['市场监管总局']],
    ]);
  });
});

describe('page metadata above the document', () => {
  it('skips 索引号：/名称：/文号： lines and takes the 文号 from them', () => {
    const doc = extractOne(
      '索引号: 0012345/2024-00017 主题分类: 综合政务\n名称: 某县人民政府关于落实年度重点任务的通知 文号: 某政〔2024〕3号\n发布日期: 2024-02-01\n某县人民政府关于落实年度重点任务的通知\n各乡镇人民政府，县政府各部门：\n一、推进城区道路改造。（县住房城乡建设局牵头，县财政局配合）\n',
    );
    expect(doc.title).toBe('某县人民政府关于落实年度重点任务的通知');
    expect(doc.docNumber).toBe('某政〔2024〕3号');
    expect(roles(doc.measures[0])).toMatchObject({ lead: ['县住房城乡建设局'], participants: ['县财政局'] });
  });

  it('leaves a 时间：…来源：… line between a page headline and the 文号 out of the title', () => {
    const doc = extractOne(
      '某省人民政府关于印发重点任务分工的通知\n时间 : 2024-03-02 09:10:11 来源 : 本网\n某省人民政府关于印发\n重点任务分工的通知\n某府〔2024〕5号\n各市人民政府：\n一、推进产业升级。（省工业和信息化厅牵头）\n',
    );
    expect(doc.title).toBe('某省人民政府关于印发重点任务分工的通知');
    expect(doc.docNumber).toBe('某府〔2024〕5号');
  });
});

describe('yearless month ends after 在/于 without 前', () => {
  it('reads （分别在3月、6月和9月底） as dated steps of the document year, the last one the deadline', () => {
    expect(
      findDeadline('各单位要在每季度末（分别在3月、6月和9月底）报送进展情况。', { documentYear: 2019 }),
    ).toMatchObject({
      deadline: '2019-09-30',
      deadlineText: '9月底',
      milestones: [{ date: '2019-03-31' }, { date: '2019-06-30' }],
    });
    expect(findDeadline('方案于10月底印发实施。', { documentYear: 2019 })).toMatchObject({
      deadline: '2019-10-31',
    });
  });

  it('does not read a bare month of an event (于6月召开), a year already stated, or a yearly one', () => {
    expect(findDeadline('推进会于6月召开。', { documentYear: 2019 })).toBeNull();
    expect(findDeadline('每年于12月底报送总结。', { documentYear: 2019 })?.deadline ?? null).toBeNull();
    expect(findDeadline('2020年于6月底完成。', { documentYear: 2019 })?.deadline).not.toBe('2019-06-30');
  });
});

describe('a bureau work list naming its offices', () => {
  it('reads （责任科室：A、B） and （牵头科室：A；配合科室：B；办结时限：…）, yearless dates in the title year', () => {
    const doc = extractOne(
      '某区卫生健康局关于做好2024年春季爱国卫生运动的通知\n1.开展病媒生物防制，于2月29日前完成首轮消杀。（责任科室：疾控股、公卫股）\n2.组织健康知识进社区。（牵头科室：宣传室；配合科室：办公室；办结时限：4月15日前）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['疾控股', '公卫股'], participants: [], joint: true, deadline: '2024-02-29' },
      { lead: ['宣传室'], participants: ['办公室'], joint: false, deadline: '2024-04-15' },
    ]);
  });

  it('takes no year from a title naming a plan period', () => {
    const doc = extractOne(
      '某区卫生健康局关于印发2021—2025年健康促进规划的通知\n1.开展健康促进活动，于3月底前完成。（责任科室：宣传室）\n',
    );
    expect(doc.measures[0]?.deadline ?? null).toBeNull();
  });
});
