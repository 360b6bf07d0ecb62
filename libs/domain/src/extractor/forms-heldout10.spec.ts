// Forms met in heldout-10 (seen after scoring) that recur in other documents: notices stored as one line, heading titles
// set off by a space, whole lists whose duty is to support, topics before 由 and before the subject; synthetic
// documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';
import { splitRunOnItems } from './run-on-items';

describe('a notice stored as one physical line', () => {
  it('reads each spaced item of the run as a measure of its own, the addressee apart', () => {
    const doc = extractOne(
      '某市人民政府办公室关于做好冬季防火工作的通知\n各区县人民政府: 为做好今冬防火工作,现将有关事项通知如下: 一、各区县人民政府要立即部署防火检查。 二、市消防救援支队要加强夜间巡查。 三、市应急管理局要做好物资储备。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各区县人民政府'], participants: [], deadline: null },
      { lead: ['市消防救援支队'], participants: [], deadline: null },
      { lead: ['市应急管理局'], participants: [], deadline: null },
    ]);
    expect(doc.measures.map((m) => m.line)).toEqual([2, 2, 2]);
  });

  it('leaves a line with one spaced 一、 or an out-of-order list whole', () => {
    const line = '市应急管理局要牵头做好 一、二级响应准备, 三、四级响应由各区负责。';
    const doc = extractOne(`某市人民政府办公室关于做好冬季防火工作的通知\n各区县人民政府:\n${line}\n`);
    expect(doc.measures).toHaveLength(1);
    expect(doc.measures[0]?.text).toContain('四级响应由各区负责');
  });

  it('splits a run that opens the line, never a tab-separated row', () => {
    const run = extractOne(
      '某市人民政府办公室关于防火工作的通知\n一、各区要部署检查。 二、各县要加强巡查。 三、各乡镇要值守。\n',
    );
    expect(run.measures.map((m) => m.lead)).toEqual([['各区'], ['各县'], ['各乡镇']]);
    const row = {
      no: 3,
      raw: '序号\t一、组织领导\t二、宣传引导',
      text: '序号一、组织领导二、宣传引导',
      pageStart: false,
    };
    expect(splitRunOnItems(row as never)).toBeNull();
  });
});

describe('a heading title set off from its paragraph by a space', () => {
  it('keeps a space inside a title, and a subject set off from its 要, as they are', () => {
    const titled = extractOne(
      '某市人民政府关于年度工作的意见\n一、加强 组织领导\n各有关部门要按照分工抓好落实。\n',
    );
    expect(titled.measures[0]?.lead).toEqual(['各有关部门']);
    const subject = extractOne(
      '某市人民政府关于防汛工作的通知\n各区人民政府:\n一、各区人民政府 要立即部署防汛检查。\n',
    );
    expect(subject.measures[0]?.lead).toEqual(['各区人民政府']);
  });

  it('ends the title at the space, so the subject after it is read', () => {
    const doc = extractOne(
      '某市人民政府关于分解落实年度工作目标的通知\n市政府各部门:\n现将目标分解落实,请认真抓好落实。\n一、加强组织领导 各有关部门和单位要按照各自分工抓好落实。\n二、强化工作措施\u3000各级各部门要健全落实机制。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各有关部门和单位'], participants: [], deadline: null },
      { lead: ['各级各部门'], participants: [], deadline: null },
    ]);
    expect(doc.measures[0]?.title).toBe('加强组织领导');
  });
});

describe('parties whose whole duty is to support', () => {
  it('drops a connective before a supporting list', () => {
    const doc = extractOne(
      '某县人民政府办公室关于做好春运工作的通知\n县直各有关单位:\n一、加强领导。各乡镇要成立工作专班。同时县交通、公安等部门要密切配合。\n',
    );
    expect(doc.measures[0]?.participants).toEqual(['县交通', '公安']);
  });

  it('reads `A、B、C等部门要通力协作、密切配合` after another duty as participants', () => {
    const doc = extractOne(
      '某县人民政府办公室关于做好春运工作的通知\n县直各有关单位:\n一、加强领导。各乡镇要成立工作专班,落实专人负责。县交通、公安、应急、市场监管、卫健等部门要通力协作、密切配合。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇'], participants: ['县交通', '公安', '应急', '市场监管', '卫健'], deadline: null },
    ]);
  });
});

describe('topics and bases run into the subject', () => {
  it('reads `具体工作由A牵头负责` in a breakdown notice as A leading', () => {
    const doc = extractOne(
      '某市人民政府关于下达年度工作任务的通知\n各县、区人民政府,市各委办局:\n现将年度工作任务下达给你们。市政府将对各项任务实施动态管理,具体工作由市统计局牵头负责。\n',
    );
    expect(doc.measures[0]?.lead).toEqual(['市统计局']);
  });

  it('drops the work named as topic before `需`', () => {
    const doc = extractOne(
      '某区政府全体会议暨防汛工作推进会\n王某要求,要做好防汛准备,加快项目建设。防汛工作需区应急管理局要落实巡查值守。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['区应急管理局'], participants: [], deadline: null }]);
  });

  it('never takes `按照市委、市政府要求` for a subject', () => {
    const doc = extractOne(
      '某县政府常务会议\n会议指出,要压实工作责任,按照市委、市政府要求建立县级工作专班,在县交通运输局设置办公室并负责总牵头工作。各责任单位要牢固树立一盘棋思想,主动作为,密切配合,确保任务完成。\n',
    );
    expect(doc.measures.length).toBeGreaterThan(0);
    for (const m of doc.measures) expect([...m.lead, ...m.participants].join('、')).not.toContain('按照');
  });
});

describe('parties asked to act', () => {
  it('reads `请各单位加大…` and a meeting’s `要求各级各部门认真…` as their duty', () => {
    expect(
      extractOne(
        '某县森林防灭火指挥部关于森林火险预警的通知\n当前火险等级极高。请各单位加大巡查密度,加强火源管控。\n',
      ).measures.map(roles),
    ).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
    expect(
      extractOne(
        '区政府召开第35次常务会议\n会议传达学习了重要讲话精神,要求各级各部门认真领会、抓好落实,谋划一批改革项目。\n',
      ).measures.map(roles),
    ).toEqual([{ lead: ['各级各部门'], participants: [], deadline: null }]);
  });

  it('reads a list of several asked by name as parties, places too (`请各镇（街道）、林区继续…`)', () => {
    expect(
      extractOne(
        '某市森林防火指挥部关于发布森林火险预警的通知\n当前火险等级高。请各镇（街道）、林区继续加强火源管理。\n',
      ).measures[0]?.lead,
    ).toEqual(['各镇', '林区']);
  });

  it('never asks a list of verbs or of persons, and still asks `请A结合实际制定…`', () => {
    expect(extractOne('某区政府常务会议\n会议强调，请认真学习、深刻领会并抓好落实。\n').measures).toEqual([]);
    expect(extractOne('某区政府常务会议\n会议强调，要求党员、干部切实增强责任意识。\n').measures).toEqual([]);
    expect(
      extractOne('某省人民政府办公厅关于某工作的通知\n各市人民政府:\n请各区结合实际制定具体实施方案。\n')
        .measures[0]?.lead,
    ).toEqual(['各区']);
  });

  it('asks nobody in a covering request, however long the list before it', () => {
    expect(
      extractOne(
        '国务院关于加强防震减灾工作的通知\n现将有关事项通知如下，请各省、自治区、直辖市人民政府认真贯彻落实。\n',
      ).measures,
    ).toEqual([]);
  });

  it('asks nobody in a covering request to carry the document out', () => {
    expect(
      extractOne(
        '国务院办公厅关于印发某行动计划的通知\n近日,国务院办公厅印发了《某行动计划》,并发出通知,要求各地区各部门结合实际认真贯彻落实。\n',
      ).measures,
    ).toEqual([]);
  });
});

describe('subjects of breakdown notices', () => {
  const notice = (body: string) =>
    extractOne(
      `某市人民政府关于印发政府工作报告任务分工方案的通知\n各县（市）区人民政府,市政府各部门:\n${body}\n`,
    ).measures.map(roles);

  it('reads `各县（市）区` whole beside other collectives and their 主要负责同志', () => {
    expect(
      notice(
        '一、提高认识。各县（市）区、各部门、各单位主要负责同志要靠前指挥。牵头单位要对分工任务负总责。',
      ),
    ).toEqual([{ lead: ['各县（市）区', '各部门', '各单位', '牵头单位'], participants: [], deadline: null }]);
  });

  it('reads `A主要负责同志为…第一责任人，要…`, `A既要…` and `总牵头单位要…` as duties', () => {
    expect(notice('各级各部门主要负责同志为抓落实的第一责任人,要加强统筹安排。')[0]?.lead).toEqual([
      '各级各部门',
    ]);
    expect(notice('在今年的工作中,各级各部门既要认清形势,又要抓好落实。')[0]?.lead).toEqual(['各级各部门']);
    expect(notice('一、强化领导。总牵头单位要加强统筹协调,会同牵头单位抓好各项工作。')[0]?.lead).toContain(
      '总牵头单位',
    );
  });
});

describe('townships beside the departments', () => {
  it('reads `各相关部门及乡镇` as two parties', () => {
    const doc = extractOne(
      '某县防汛工作会议\n会议指出,要全力应对雨水集中期。各相关部门及乡镇要提高思想认识,强化值班值守。\n',
    );
    expect(doc.measures[0]?.lead).toEqual(['各相关部门', '乡镇']);
  });
});

describe('the levels written apart from the departments', () => {
  it('reads `各级、各部门要…` as two parties in a notice and in prose, and `各级要…` alone', () => {
    expect(
      extractOne(
        '某省人民政府关于做好扶贫工作的通知\n各市、县人民政府：\n各级、各部门要认清形势，压实工作责任。\n',
      ).measures[0]?.lead,
    ).toEqual(['各级', '各部门']);
    expect(
      extractOne('国务院关于做好扶贫工作的通知\n各级、各部门要认清形势，压实工作责任。\n').measures[0]?.lead,
    ).toEqual(['各级', '各部门']);
    expect(
      extractOne(
        '某省人民政府关于加快财政支出的意见\n（二）加快财政支出执行进度。各级要加快转移支付分配进度。\n',
      ).measures[0]?.lead,
    ).toEqual(['各级']);
  });
});

describe('long openings and partners closed by their verb', () => {
  it('finds the subject after three opening clauses of a meeting report', () => {
    const doc = extractOne(
      '全县教育扶贫工作视频会召开\n王某强调，当前我县正处于冲刺年度目标任务，打好脱贫攻坚翻身仗的关键时期，各镇、各部门要层层压实责任。\n',
    );
    expect(doc.measures[0]?.lead).toEqual(['各镇', '各部门']);
  });

  it('keeps 审定委员会 / 审核中心 inside a partner’s name', () => {
    const doc = extractOne('国务院关于某品种管理的通知\n农业农村部会同国家农作物品种审定委员会制定办法。\n');
    expect(doc.measures[0]?.participants).toEqual(['国家农作物品种审定委员会']);
  });

  it('ends a 会同 list before 最终确定 / 审核', () => {
    const doc = extractOne('国务院关于某税收政策的通知\n清单由财政部会同海关总署、税务总局最终确定。\n');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['财政部'], participants: ['海关总署', '税务总局'], deadline: null },
    ]);
  });
});

describe('subjects set off by a comma, leaders before the units', () => {
  it('reads `A，要…` as A’s duty, and drops the leaders named before the units', () => {
    expect(
      extractOne('国务院关于加强某工作的通知\n各有关部门和单位，要按照各自分工，进一步强化责任。\n')
        .measures[0]?.lead,
    ).toEqual(['各有关部门和单位']);
    expect(
      extractOne(
        '某市人民政府关于分解落实年度工作目标的通知\n市政府各部门:\n一、加强组织领导 市政府各位领导同志及各有关部门和单位,要按照各自分工,进一步强化责任。\n',
      ).measures[0]?.lead,
    ).toEqual(['各有关部门和单位']);
  });

  it('keeps a when-clause before the comma the party’s own (`A作出决定前，要…`)', () => {
    expect(
      extractOne('国务院办公厅关于某制度的指导意见\n行政执法机关作出重大执法决定前，要严格进行法制审核。\n')
        .measures[0]?.lead,
    ).toEqual(['行政执法机关']);
  });
});

describe('a unit’s post-holder between the unit and its duty', () => {
  it('reads `各单位“一把手”要…` as the unit’s duty', () => {
    expect(
      extractOne('某县政府常务会议召开\n会议指出，要抓好落实。各单位“一把手”要亲自部署、亲自过问。\n')
        .measures[0]?.lead,
    ).toEqual(['各单位']);
  });
});

describe('long subject lists of a notice', () => {
  it('reads up to five collectives as the subject', () => {
    expect(
      extractOne(
        '某县人民政府关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n一、加强领导。各乡镇、各部门、各单位、县直各机构要高度重视防汛工作。\n',
      ).measures[0]?.lead,
    ).toEqual(['各乡镇', '各部门', '各单位', '县直各机构']);
  });
});

describe('the grassroots as collectives', () => {
  it('reads 各村（社区） (its qualifier dropped), 各企业, 各街道办事处 as parties in prose and notices', () => {
    expect(
      extractOne(
        '某县防汛工作会议召开\n会议要求，各乡镇、各村（社区）要落实巡查值守，各企业要做好安全自查。\n',
      ).measures[0]?.lead,
    ).toEqual(['各乡镇', '各村', '各企业']);
    expect(
      extractOne(
        '某县人民政府关于做好防汛工作的通知\n各乡镇人民政府，县直各单位：\n一、加强领导。各乡镇、各村（社区）要落实巡查值守，各企业要做好安全自查。\n',
      ).measures[0]?.lead,
    ).toEqual(['各乡镇', '各村', '各企业']);
    expect(
      extractOne('某区政府常务会议\n会议要求，要做好防汛准备。各街道办事处要落实巡查值守。\n').measures[0]
        ?.lead,
    ).toEqual(['各街道办事处']);
  });
});
