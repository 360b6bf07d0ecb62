// Forms met in heldout-11 (seen after scoring) that recur in other documents: page metadata rows of county sites,
// table cells that name their unit with its role verb, meeting approvals of a drafter's text, 协同 partners, level
// qualifiers before 有关部门, bare unit words after a collective, glued levels, township subjects and 务必; synthetic
// documents, new wording.
import { describe, expect, it } from 'vitest';

import { isPageMetadata, pageMetadata } from './doc-markers';
import { extractOne, roles } from './forms.testing';

describe('page metadata rows of county and district sites', () => {
  it('reads `发文序号：…1 号`, `信息名称：`, `发文单位：` and `信息有效性：` as the page head and takes the 文号', () => {
    const lines = [
      '发文单位：区政府办',
      '信息名称：关于印发某项分工方案的通知',
      '发文序号：某兴政办发〔2024〕3号',
      '信息有效性：有效',
      '公开类型：主动公开',
    ].map((text) => ({ kind: 'text', text }));
    expect(pageMetadata([...lines, { kind: 'text', text: '关于印发某项分工方案的通知' }])).toMatchObject({
      end: 5,
      docNumber: '某兴政办发〔2024〕3号',
    });
  });

  it('takes a row that carries two page labels (`责任部门：…发文日期：…`) as metadata, never a role field', () => {
    expect(isPageMetadata('责任部门：某县政府办发文日期：2023-04-01')).toBe(true);
    expect(isPageMetadata('分类：其他文件索引号：D12-01-2023-0011')).toBe(true);
    expect(isPageMetadata('SDDR-2019-00031')).toBe(true);
    expect(isPageMetadata('责任部门：县财政局')).toBe(false);
    expect(isPageMetadata('责任单位：县财政局完成时限：2023年底')).toBe(false);
  });

  it('finds the notice below such a head', () => {
    const doc = extractOne(
      '索 引 号: D21-02-2024-0012 分 类: 其他有关文件\n责任部门: 某县政府办 发文日期: 2024-03-02\n关于做好春耕备耕工作的通知\n各乡镇人民政府,县政府有关部门:\n一、提高认识\n各乡镇各部门务必把春耕备耕摆上重要位置。\n',
    );
    expect(doc.title).toBe('关于做好春耕备耕工作的通知');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '各部门'], participants: [], deadline: null },
    ]);
  });
});

describe('table cells that name the unit with its role verb', () => {
  it('reads `X牵头落实` and `A、B分别牵头落实` cells, rows missing their merged 目标/任务 cells', () => {
    const doc = extractOne(
      '某市2024年政务公开工作要点实施方案\n目标\t任务\t主要内容\t责任单位\n一、以公开稳预期\t（一）加强解读\t围绕全市经济形势及时解读政策。\t市发改委牵头落实\n围绕就业政策加强信息公开。\t市人社局牵头落实\n围绕金融政策加强宣传引导。\t市金融办、人民银行某市中心支行分别牵头落实\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市发改委'], participants: [], deadline: null },
      { lead: ['市人社局'], participants: [], deadline: null },
      { lead: ['市金融办', '人民银行某市中心支行'], participants: [], deadline: null },
    ]);
  });
});

describe('meeting reports', () => {
  it('reads `会议同意X提出的《…》，修改完善后…` as the drafter’s duty, never a party named 会议同意X', () => {
    const doc = extractOne(
      '区政府第5次常务会议纪要\n一、会议审议了《关于推进夜间经济发展的实施意见》。\n会议同意区商务局提出的《关于推进夜间经济发展的实施意见》，作进一步修改完善后印发实施。\n二、会议原则同意区财政局拟草的《资金管理办法》，修改完善后，批复实施。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['区商务局'], ['区财政局']]);
  });

  it('reads the party after a long context clause of reported speech (`会议指出，…，各乡镇、各有关单位要…`)', () => {
    const doc = extractOne(
      '某县召开农村人居环境整治推进会\n会议指出，开展农村人居环境整治是实施乡村振兴战略的一项重要任务和民生工程，各乡镇、各有关单位要统一思想、压实责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '各有关单位'], participants: [], deadline: null },
    ]);
  });

  it('reads bare 乡镇 and 街道办事处 as parties of a county duty list', () => {
    const notice = extractOne(
      '某县人民政府关于禁止焚烧秸秆的通告\n一、各乡镇人民政府、街道办事处、某某林场负责所辖区域的禁烧工作。\n',
    );
    expect(notice.measures.map((m) => m.lead)).toEqual([['各乡镇人民政府', '街道办事处', '某某林场']]);
    const meeting = extractOne(
      '某县人民政府第9次常务会议召开\n会前学习了《某省城乡规划条例》。会议要求，全县各级各部门要严格执行条例；规划部门要加强监督检查；乡镇要落实网格巡查。\n',
    );
    expect(meeting.measures.map((m) => m.lead)).toEqual([['全县各级各部门', '规划部门', '乡镇']]);
  });
});

describe('party lists', () => {
  it('reads `A、B协同C负责…` as A and B leading with C as their partner', () => {
    const doc = extractOne(
      '某市人民政府关于明确市容整治职责的通知\n一、市城管局、市住建局协同市交通运输局负责道路两侧环境整治。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市城管局', '市住建局'], participants: ['市交通运输局'], deadline: null },
    ]);
  });

  it('ends the last name before `等州级有关部门`', () => {
    const doc = extractOne(
      '某州2024年工作要点\n一、推进招商引资（州商务局、州发改委等州级有关部门，各县市人民政府负责）\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['州商务局', '州发改委', '各县市人民政府']]);
  });

  it('reads `市直有关部门、单位` as one collective, never a party named 单位', () => {
    const doc = extractOne(
      '某市2024年数字政府工作要点\n1.推进一网通办。（牵头单位：市大数据局；责任单位：市直有关部门、单位，各区政府）\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市大数据局'], participants: ['市直有关部门、单位', '各区政府'], deadline: null },
    ]);
  });

  it('splits `各地各部门各单位` into the places and the one collective of departments and units', () => {
    const doc = extractOne(
      '某省关于开展突破年行动的通知\n一要提高站位。各地各部门各单位要把行动摆在突出位置。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各地', '各部门各单位']]);
  });
});

describe('designations of who does what', () => {
  it('reads `X为…牵头责任单位，负责…` as the lead and `A、B为协办单位` as its partners', () => {
    const doc = extractOne(
      '某州人民政府办公室关于印发议案办理方案的通知\n二、明确工作责任\n州水利局为该议案办理工作的牵头责任单位，负责拟定实施方案。州财政局、州农业局、某县政府为协办单位，各单位要互相配合、积极支持，共同做好办理工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['州水利局'], participants: ['州财政局', '州农业局', '某县政府'], deadline: null },
    ]);
  });

  it('reads `…是A、B的法定职责` as their duty, the collective name defined for them standing for them', () => {
    const rules = extractOne(
      '某市人民政府办理建议提案办法\n第三条 办理代表建议和政协提案，是各区政府，市政府各委、办、局和市有关单位（以下统称“承办单位”）的法定职责。承办单位应当认真办理。\n',
    );
    expect(rules.measures.map((m) => m.lead)).toEqual([['各区政府', '市政府各委、办、局', '市有关单位']]);
    const notice = extractOne(
      '某市人民政府办公厅关于印发办理工作规则的通知\n（一）办理建议、提案是市政府各部门、各直属单位的法定职责。\n',
    );
    expect(notice.measures.map((m) => m.lead)).toEqual([['市政府各部门', '各直属单位']]);
  });
});

describe('sub-items run on inside a meeting paragraph', () => {
  it('reads `…并要求：（1）A要…。（2）B要…。` as one measure per item, the issuer’s leaders no party', () => {
    const doc = extractOne(
      '区政府第12次常务会议纪要\n一、会议听取了区发改局关于年度计划的汇报。会议原则同意汇报的意见，并要求：（1）各级各部门要认真分解目标任务。（2）区政府各分管领导和相关部门要加强调度。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各级各部门'], ['相关部门']]);
    expect(doc.measures.map((m) => m.line)).toEqual([2, 2]);
  });

  it('reads a numbered item after the reported speech the notice reader took (`…要高度重视并要求：1.…3.…`)', () => {
    const doc = extractOne(
      '区领导调度老旧小区改造工作\n区长听取了区住建委等单位的汇报，强调老旧小区改造是重要民生工程，各部门要高度重视并要求：1.定机制，明目标。成立工作专班。2.争政策，要支持。区财政局牵头研究资金保障。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各部门'], ['区财政局']]);
  });

  it('leaves a list inside a sentence (`（1）…、（2）…`) and a unit’s own list (`要做好以下工作：（1）…。（2）…`) whole', () => {
    const inSentence = extractOne(
      '某县人民政府关于做好防汛工作的通知\n一、县水利局要做好以下工作：（1）巡查堤防、（2）清理河道，确保安全度汛。\n',
    );
    expect(inSentence.measures).toHaveLength(1);
    expect(inSentence.measures[0]?.text).toContain('清理河道');
    const ownList = extractOne(
      '某县人民政府关于交通项目的通知\n一、县交通运输局要加快建设以下项目：（1）道路改造。（2）桥梁加固。（3）隧道维修。\n',
    );
    expect(ownList.measures).toHaveLength(1);
    expect(ownList.measures[0]?.text).toContain('隧道维修');
  });
});

describe('prose subjects', () => {
  it('reads the subjects after `X要求：` and its context clauses (`要抓住…，把握…，A、B等部门要…`)', () => {
    const doc = extractOne(
      '县人民政府第20次常务会议\n在听取完县水务局工作情况汇报后，县长要求：要抓住国家加大水利投入的政策机遇，把握乡村振兴战略和黄河流域生态保护的政策空间，县水务局、县财政局等部门要分工协作，全力争取项目资金。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['县水务局', '县财政局']]);
  });

  it('keeps `各市、县人民政府` whole and reads `由X负责管理的地方` as a place, not X’s duty', () => {
    const doc = extractOne(
      '某省人民政府关于道路交通管理分工的通知\n三、各市、县人民政府要加强对交通管理工作的领导。各级公安机关和交通部门都要互相支持，由交通部门负责管理的地方，公安机关要积极配合。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各市、县人民政府', '各级公安机关', '交通部门']]);
  });

  it('reads `一定要` as a duty marker', () => {
    const doc = extractOne(
      '某省人民政府办公厅关于办好政府网站的通知\n各地、各部门一定要把政府网站当作自己的事情来办。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各地', '各部门']]);
  });
});

describe('collectives of local reports', () => {
  it('reads `各有关部门、单位` as one collective, `属地街道` and a sector system as parties', () => {
    const a = extractOne('某区召开项目推进会\n会议要求，各有关部门、单位要通力合作。\n');
    expect(a.measures.map((m) => m.lead)).toEqual([['各有关部门、单位']]);
    const b = extractOne(
      '某县召开土地处置推进会\n县长强调，全县二〇二二年批而未供和闲置土地处置工作关系到下一年度的用地要素保障，县级相关部门和属地街道务必认清形势。\n',
    );
    expect(b.measures.map((m) => m.lead)).toEqual([['县级相关部门', '属地街道']]);
    const c = extractOne('市交通运输局召开务虚会议\n局长要求，全市交通运输系统要聚焦主责主业。\n');
    expect(c.measures.map((m) => m.lead)).toEqual([['全市交通运输系统']]);
  });
});

describe('A特别是B', () => {
  it('reads `为…，A、B特别是C，要…` as three holders, the opening clause no party', () => {
    const doc = extractOne(
      '某省人民政府关于加强森林防火工作的通知\n为全面做好今冬森林防火工作，各地区、各部门特别是重点林区所在地人民政府，要落实防火责任。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['各地区', '各部门', '重点林区所在地人民政府']]);
  });
});

describe('review guards', () => {
  it('reads no party in an IT system, a drafter’s past report or a basis before 要求', () => {
    const system = extractOne('某市数字政府工作要点\n市政务服务系统要于6月底前上线运行。\n');
    expect(system.measures.flatMap((m) => m.lead)).not.toContain('市政务服务系统');
    const report = extractOne(
      '县政府常务会议纪要\n会议听取了县财政局提出的《预算调整方案》，修改完善后提交人大。\n',
    );
    expect(report.measures.flatMap((m) => m.lead)).not.toContain('会议听取了县财政局');
  });
});
