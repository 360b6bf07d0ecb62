// Structures read since heldout-13 (forms3): the 三定 regulation's duty list under its `主要职责` heading, the
// transfers of duties between bodies (`将…职责划归A`), … ; synthetic documents in the style of the real ones.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const lead = (m: { lead: string[]; participants: string[] }) => ({
  lead: m.lead,
  participants: m.participants,
});

describe('三定 regulations: the duty list of the unit it regulates', () => {
  it('gives the numbered items under `二、主要职责` to the unit the regulation names, the transfers to their bodies', () => {
    const doc = extractOne(
      '各区人民政府,市政府各部门:\n《某市人民政府外事办公室主要职责内设机构和人员编制规定》经市政府批准,现予印发。\n某市人民政府办公厅\n二〇一〇年三月一日\n某市人民政府外事办公室主要职责内设机构和人员编制规定\n根据有关规定,设立某市人民政府外事办公室。\n一、职责调整\n将因公出国审批职责划归市人力资源和社会保障局;港澳事务有关职责划入市商务局。\n二、主要职责\n(一)负责全市外事工作的归口管理,协助市政府领导同志处理外事事务。\n(二)组织起草外事工作规范性文件;承办市政府交办的其他事项。\n三、内设机构\n根据上述职责,设4个内设机构。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['市人力资源和社会保障局', '市商务局'], participants: [] },
      { lead: ['某市人民政府外事办公室'], participants: [] },
      { lead: ['某市人民政府外事办公室'], participants: [] },
    ]);
  });

  it('gives the items under a heading naming the unit (`（一）区政府办公室的主要职责。`) to that unit', () => {
    const doc = extractOne(
      '某区人民政府办公室关于印发某区人民政府办公室主要职责、内设机构和人员编制规定的通知\n区政府各部门:\n现予印发。\n某区人民政府办公室主要职责、内设机构和人员编制规定\n一、职能调整\n增加区政府合作交流办公室的相关职能。\n二、主要职责\n(一)区政府办公室的主要职责。\n1.围绕区政府中心工作组织调查研究,提出方案和建议。\n2.负责区政府文电处理和公文审核工作。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['区政府办公室'], participants: [] },
      { lead: ['区政府办公室'], participants: [] },
    ]);
  });

  it('reads no duty list from a `主要职责` heading without a regulated unit', () => {
    const doc = extractOne(
      '某市志愿服务工作简介\n一、主要职责\n(一)组织开展志愿服务活动。\n(二)负责志愿者培训。\n',
    );
    expect(doc.measures.map(roles)).toEqual([]);
  });
});

describe('a table flattened into running lines (each row closed by its party and date cells)', () => {
  const table = (rows: string) =>
    extractOne(`某市创建卫生城市整改任务一览表 项目 存在问题 整改要求 责任部门 完成时限 组织管理\n${rows}`);

  it('reads one row per closing `party date` tail, anchored on the numbered task it ends', () => {
    const doc = table(
      '1、市、区爱卫会领导机构需要加强\n1、调整充实爱国卫生组织机构。\n市、区政府办 2014年8月10日\n2、部分单位控烟标识不全;\n个别单位考核力度不够\n2、规范控烟标识设置,各办事处应加大考核力度. 市、区爱卫办 2014年8月10日\n3、车站外清扫保洁不及时.\n3、设置健康教育宣传阵地;\n落实专人负责站外环境卫生. 市交通局 2014年9月30日 健康教育\n1、学校健康教育测评不全面\n1、加强学生健康教育测评结果分析. 市教育局 市卫生健康委 2014年10月1日\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), line: m.line }))).toEqual([
      { lead: ['市、区政府办'], participants: [], deadline: '2014-08-10', line: 3 },
      { lead: ['市、区爱卫办'], participants: [], deadline: '2014-08-10', line: 7 },
      { lead: ['市交通局'], participants: [], deadline: '2014-09-30', line: 9 },
      { lead: ['市教育局', '市卫生健康委'], participants: [], deadline: '2014-10-01', line: 12 },
    ]);
    expect(doc.measures[3]?.joint).toBe(true);
    expect(doc.measures[2]?.text).toBe('3、设置健康教育宣传阵地；落实专人负责站外环境卫生.');
  });

  it('needs two closed rows: a header with one row-like line is no table', () => {
    const doc = table('1、调整充实爱国卫生组织机构。\n市、区政府办 2014年8月10日\n');
    expect(doc.measures.filter((m) => m.origin === 'table')).toEqual([]);
  });
});

describe('no duty from reported speech or from the issuer handing the tasks down', () => {
  it('reads no duty in a leader’s repeated past instructions (`多次指出，…要`, `经常…，要求A…`)', () => {
    const doc = extractOne(
      '国务院办公厅对某某会议第1234号提案的答复\n某某委员:\n您提出的《关于设立某某热线的提案》收悉。经研究,答复如下:\n推进政务公开是政府工作的一项基本制度。国务院领导同志多次指出,各级政府要不断提高政府工作的透明度,倾听群众的意见。\n国务院领导同志经常亲自批阅群众来信,要求各级政府依法行政,及时解决存在的问题。\n国务院办公厅将不断改进有关工作,进一步提高服务水平。\n国务院办公厅\n二〇〇六年十月十八日\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['国务院办公厅'], participants: [] }]);
  });

  it('still reads a duty given now (`会议强调，各部门要…`, `曾某某强调，…` by a leader named 曾) and one that cites past instructions', () => {
    const doc = extractOne(
      '某区政府召开常务会议\n会议强调,各部门要加快推进重点项目建设。\n曾某某强调,各乡镇要切实加强值班值守。\n各街道要按照区领导多次强调的要求,抓好安全生产工作。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['各部门'], participants: [] },
      { lead: ['各乡镇'], participants: [] },
      { lead: ['各街道'], participants: [] },
    ]);
  });

  it('reads no measure in the government announcing it hands the tasks down (`市政府将…分解…，现下达给你们`)', () => {
    const doc = extractOne(
      '各区人民政府,市各委办局:\n根据市人大会议确定的目标任务,市政府将2016年政府工作任务分解为10项工作目标和30项工作任务,现下达给你们,请认真组织实施。\n各地、各部门要切实加强组织领导,确保各项工作任务圆满完成。\n某市人民政府\n2016年2月1日\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['各地', '各部门'], participants: [] }]);
  });
});

describe('the supporting side: a party whose duty is to assist another body or the lead', () => {
  it('takes part when its duty is to assist a body named after 配合 (`A要积极配合有关部门，做好…`)', () => {
    const doc = extractOne(
      '国务院关于进一步加强某某工作的意见\n（四）积极开展宣传教育。地方各级人民政府应把某某知识的宣传作为一项重要内容。各级某某部门要积极配合有关部门,做好某某知识的宣传教育工作。\n（五）加强监管。政府部门要加强监管。行业协会要积极配合政府,为企业提供服务支持。\n',
    );
    expect(doc.measures.map(lead)).toEqual([
      { lead: ['地方各级人民政府'], participants: ['各级某某部门'] },
      { lead: ['政府部门'], participants: ['行业协会'] },
    ]);
  });

  it('takes part in a notice when it is to give its support without an object (`各相关单位要全力支持、…`)', () => {
    const doc = extractOne(
      '某区人民政府关于印发2018年重点工作责任分解的通知\n各乡镇人民政府,区直各部门:\n现将《2018年重点工作责任分解》印发给你们,请认真贯彻落实。\n一、牵头责任单位要切实担负起第一责任人的责任,牵头抓总,积极组织实施。各相关单位要全力支持、积极帮助解决遇到的困难和问题。\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['牵头责任单位'], participants: ['各相关单位'] }]);
  });
});

describe('a quoted working principle of calendar steps is no deadline', () => {
  const notice = (item: string) =>
    extractOne(
      `某区人民政府办公室关于做好2018年为民办实事工作的通知\n各乡镇人民政府,区直各部门:\n一、${item}\n`,
    ).measures[0];

  it('reads no date in `“年初公布、年中检查、年底兑现”的原则`', () => {
    const m = notice(
      '各责任单位要严格遵循“年初公布、年中检查、年底兑现、接受监督”的原则,狠抓落实,确保按期完成任务。',
    );
    expect({ deadline: m?.deadline, kind: m?.deadlineKind, milestones: m?.milestones }).toEqual({
      deadline: null,
      kind: null,
      milestones: [],
    });
  });

  it('keeps the rhythm a quoted checking system states (`“年初建账、逐月查账、年底交账”的督查制度`)', () => {
    const m = notice(
      '区政府办公室将严格按照“年初建账、逐月查账、年底交账”的督查制度,加强跟踪督查,确保圆满完成任务。',
    );
    expect({ deadline: m?.deadline, kind: m?.deadlineKind, period: m?.period }).toEqual({
      deadline: null,
      kind: 'recurring',
      period: 'month',
    });
  });

  it('still reads a dated step outside the quotation', () => {
    const m = notice('各责任单位要按照“年初建账、年底交账”的要求,于2018年6月底前报送进展情况。');
    expect(m?.deadline).toBe('2018-06-30');
  });
});

describe('a 完成时限 cell of a yearless month with the event that completes the task', () => {
  it('reads `9月投入使用` / `10月建成` as the end of that month of the document year', () => {
    const doc = extractOne(
      '某县人民政府办公室关于对2016年民生实事进行重点督办的通知\n序号\t民生实事\t责任单位\t完成时限\n1\t新建2座人行天桥。\t县住建局\t9月投入使用\n2\t新建城市书房5个。\t县文广局\t10月建成\n',
    );
    expect(doc.measures.map((m) => m.deadline)).toEqual(['2016-09-30', '2016-10-31']);
  });
});

describe('the year of a report named after it and a rhythm written with 每个', () => {
  it('reads no date in `确保2023年市《政府工作报告》…推进`, and `每个季度…报送` recurs', () => {
    const doc = extractOne(
      '某市人民政府办公厅关于印发2023年市《政府工作报告》目标任务责任分解方案的通知\n各区人民政府,市人民政府各部门:\n三、加强督办。各责任单位要确保2023年市《政府工作报告》中提出的各项工作任务有力有序推进。各牵头单位要在每个季度第1个月的20日前,将完成情况报市人民政府督查室。\n',
    );
    const m = doc.measures[0];
    expect({ deadline: m?.deadline, kind: m?.deadlineKind, period: m?.period }).toEqual({
      deadline: null,
      kind: 'recurring',
      period: 'quarter',
    });
  });
});

describe('sectors written short before the last one’s 部门', () => {
  it('reads `交通、公路部门要…` as one party after `同时，`', () => {
    const doc = extractOne(
      '某市召开专题会议\n会议指出,各县政府要主动谋划路网改造规划。同时,交通、公路部门要做好业务指导和协调服务工作。\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['各县政府', '交通、公路部门'], participants: [] }]);
  });

  it('shares no 部门 with a clause before it (`…更是重大的政治问题、各级各部门一定要…`)', () => {
    const doc = extractOne(
      '某市关于做好就业工作的意见\n（一）就业不仅是重大的经济问题,更是重大的政治问题、各级各部门一定要充分认识其重要性。\n',
    );
    expect(doc.measures.flatMap((m) => m.lead)).not.toContain('更是重大的政治问题、各级各部门');
  });
});

describe('a level written with its alternative, then another body joined by 和', () => {
  it('reads `各有关省（市）和部委要…` as two parties', () => {
    const doc = extractOne(
      '国务院办公厅关于进一步做好某某办学工作的通知\n（二）各有关省（市）和部委要继续承办某某班的任务,做好安排。\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['各有关省', '部委'], participants: [] }]);
  });
});

describe('a body under a shared 各 and named again with it', () => {
  it('lists `区（分）局` of `各相关责任部门、区（分）局要…` and `各区（分）局要…` once, with its 各', () => {
    const doc = extractOne(
      '某市自然资源和规划局关于贯彻落实某某政策的通知\n一、加强政策宣传。各相关责任部门、区(分)局要结合实践活动,开展送政策上门。各区(分)局要及时向区委、区政府汇报。\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['各相关责任部门', '各区（分）局'], participants: [] }]);
  });
});

describe('a party asked to guide (`请A指导B…`)', () => {
  it('reads `请你省有关部门指导某市按…办理` as the departments asked', () => {
    const doc = extractOne(
      '国务院办公厅对某某会议第123号建议的答复\n某某代表:\n您提出的建议收悉。现答复如下:\n扶贫办已会同有关部门进行了实地调查。请你省有关部门指导某市按《汇报》的意见办理。\n',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['你省有关部门'], participants: [] }]);
  });
});

describe('a reply reporting another department’s word (`A也表示，…将…`)', () => {
  const reply = (body: string) =>
    extractOne(
      `国务院办公厅对某某会议第456号提案的答复\n某某委员:\n您提出的提案收悉。现答复如下:\n${body}\n`,
    );

  it('gives the speaker its own commitment', () => {
    const doc = reply(
      '发展改革委会同农业部研究提出了办理意见:发展改革委正按程序抓紧组织研究。农业部也表示,对你省的农业产业化项目将继续予以重点支持。',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['发展改革委', '农业部'], participants: [] }]);
  });

  it('makes the speaker the supporting side when its word is to assist (`…表示将积极配合A等有关部门做好…`)', () => {
    const doc = reply(
      '发展改革委会同水利部研究提出了办理意见:发展改革委将适时启动项目审核程序。水利部也表示将积极配合发展改革委等有关部门做好该项目的立项工作。',
    );
    expect(doc.measures.map(lead)).toEqual([{ lead: ['发展改革委'], participants: ['水利部'] }]);
  });
});
