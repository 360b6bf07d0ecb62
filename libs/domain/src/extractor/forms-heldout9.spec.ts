// Forms met in heldout-9 (seen after scoring) that recur in other documents: bare party brackets mixing departments with
// zones, companies and the level's open collective; synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { parseBracketAnnotation, parseDepartmentCell } from './annotation';
import { findRecurring } from './deadline-recurring';
import { extractOne, roles } from './forms.testing';

const LOCAL = { firstIsLead: false, localDocument: true };

describe('a bare bracket of departments with zones, companies and open collectives beside them', () => {
  it('reads every listed unit as a joint lead when one of them is a lexicon name', () => {
    expect(
      parseBracketAnnotation('市统计局，县政府有关部门，各县区政府，青山高新区，某某水务公司', LOCAL),
    ).toMatchObject({
      lead: ['市统计局', '县政府有关部门', '各县区政府', '青山高新区', '某某水务公司'],
      participants: [],
      joint: true,
    });
  });

  it('keeps a bracket of zones or companies alone an aside', () => {
    expect(parseBracketAnnotation('青山高新区，某某水务公司', LOCAL)).toBeNull();
    expect(parseBracketAnnotation('青山高新区', LOCAL)).toBeNull();
  });

  it('splits a one-line notice into its numbered targets', () => {
    const doc = extractOne(
      '某市人民政府办公室关于分解落实年度主要目标的通知\n各县、区人民政府,市政府各部门: 现将年度主要目标分解给你们,请认真落实。 一、主要目标 1、粮食产量稳定在50万吨(市农业局,各县区政府,青山高新区)。 2、城镇新增就业1万人(市人社局、市财政局,县政府有关部门,各县区政府)。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市农业局', '各县区政府', '青山高新区'], participants: [], deadline: null },
      { lead: ['市人社局', '市财政局', '县政府有关部门', '各县区政府'], participants: [], deadline: null },
    ]);
  });
});

describe('prose subjects of holiday and work notices', () => {
  it('reads `各县市（区）` as 各县市 and `州直各部门各单位` as one collective after an opening time clause', () => {
    const doc = extractOne(
      '某州人民政府办公室关于做好国庆节假期工作的通知\n各县市人民政府,州直机关各单位:\n假期期间,各县市(区)、州直各部门各单位要落实值班制度,做好安全防范。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各县市', '州直各部门各单位'], participants: [], deadline: null },
    ]);
  });

  it('reads `A对此要…` as A’s duty', () => {
    const doc = extractOne(
      '某市人民政府关于抓好年度重点工作的通知\n各区人民政府,市政府各部门:\n今年任务繁重。各级各部门对此要高度重视,层层压实责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各级各部门'], participants: [], deadline: null }]);
  });
});

describe('a report cycle written `半年一通报`', () => {
  it('reads `X半年一通报` as a half-yearly recurrence and `一事一通报` as none', () => {
    expect(findRecurring('对工作落实情况半年一通报')).toMatchObject({
      deadlineKind: 'recurring',
      period: 'half-year',
    });
    expect(findRecurring('季度一调度')).toMatchObject({ period: 'quarter' });
    expect(findRecurring('对重大事项一事一通报')).toBeNull();
  });
});

describe('a 民生实事 plan table under page metadata cells', () => {
  it('reads the plan column as content, towns and mass organisations as partners, yearless months in the page year', () => {
    const doc = extractOne(
      '索引号\t000111222/2023-00012\t公开方式\t主动公开\n发布单位\t区政府\t发文日期\t2023-05-06\n序号\t实事项目\t工作举措及实施计划\t责任单位\t配合单位\n1\t新建社区食堂10家。\t1.6月底前建成5家。2.10月底前建成全部10家。\t民政局\t财政局、妇联、团区委,北山街道、南湖镇\n',
    );
    expect(doc.date).toBe('2023-05-06');
    const [m] = doc.measures;
    expect(roles(m)).toEqual({
      lead: ['民政局'],
      participants: ['财政局', '妇联', '团区委', '北山街道', '南湖镇'],
      deadline: '2023-10-31',
    });
    expect(m?.milestones?.map((s) => s.date)).toEqual(['2023-06-30']);
  });

  it('keeps words that only end in a town word out of the party cells', () => {
    expect(parseDepartmentCell('民政局、特色小镇', 'participants', LOCAL)).toBeNull();
    expect(parseDepartmentCell('民政局、城乡', 'participants', LOCAL)).toBeNull();
  });
});

describe('districts beside another district’s government', () => {
  it('keeps `A区、B区政府` two parties and `…开发区、…新区管委会` one', () => {
    expect(parseDepartmentCell('市水务局，东湖区、西湖区政府', 'participants', LOCAL)?.participants).toEqual([
      '市水务局',
      '东湖区',
      '西湖区政府',
    ]);
    expect(parseDepartmentCell('青山开发区、白云新区管委会', 'participants', LOCAL)?.participants).toEqual([
      '青山开发区、白云新区管委会',
    ]);
  });
});

describe('meeting reports and replies', () => {
  it('reads a short-named office given its own 要 after a comma as a further holder', () => {
    const doc = extractOne(
      '某县召开创建工作推进会\n会议要求,各乡镇要倒排工期,交通局要保障道路畅通,创文办要加强跟踪督办。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '交通局', '创文办'], participants: [], deadline: null },
    ]);
  });

  it('resolves 我们 in a reply titled `X对…建议的答复` to X', () => {
    const doc = extractOne(
      '某部办公厅对第108号建议的答复\n你们提出的关于加强农村公路养护的建议收悉。我们将会同有关部门研究完善养护资金政策。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['某部办公厅']]);
  });
});

describe('parties designated by 由 in a notice paragraph', () => {
  it('reads `由A具体组织实施` after opening clauses and `由牵头部门负总责` as duties of A and the lead departments', () => {
    const doc = extractOne(
      '省政府办公厅印发《放管服改革任务分工的通知》\n《通知》要求,改革工作在省政府的统一领导下,由省编办具体组织实施。省直各部门要对照分工抓好落实。对涉及多个部门的改革事项,由牵头部门负总责,其他部门密切配合、积极支持。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省编办', '省直各部门', '牵头部门'], participants: ['其他部门'], deadline: null },
    ]);
  });

  it('reads the same designations in plain prose', () => {
    const doc = extractOne(
      '某省人民政府关于推进审批改革的通知\n各市人民政府:\n改革工作由省编办具体组织实施。跨部门事项由牵头部门负总责。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['省编办', '牵头部门']]);
  });
});

describe('what a party does besides its duty', () => {
  it('skips `除…外，` between the party and its 要, in notice items and in prose', () => {
    const notice = extractOne(
      '某市人民政府办公厅关于改进会务工作的通知\n各区县政府,市政府各部门:\n一、规范材料报送\n(一)承办单位除按时报送正式文本外,要附上起草说明。\n',
    );
    expect(notice.measures.map(roles)).toEqual([{ lead: ['承办单位'], participants: [], deadline: null }]);
    const prose = extractOne(
      '某省人民政府关于规范会议材料的通知\n省发展改革委除报送正文外,要提交审核意见。\n',
    );
    expect(prose.measures.map((m) => m.lead)).toEqual([['省发展改革委']]);
  });
});

describe('local governments after a comma of a 责任单位 list', () => {
  const head =
    '某市人民政府关于分解年度重点工作的通知\n各县(市、区)人民政府,市政府各部门:\n一、稳定经济运行\n';

  it('lead with the departments on a field line of their own, the zones’ qualifier dropped', () => {
    const doc = extractOne(
      `${head}1.扩大有效投资,加快重大项目建设。\n责任单位:市发展改革委、市财政局等,各县(市、区)政府(管委会)\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市发展改革委', '市财政局', '各县（市、区）政府'], participants: [], deadline: null },
    ]);
  });

  it('lead with them inside the item’s own bracket too: the 责任单位 label governs the whole list', () => {
    const doc = extractOne(
      `${head}1.扩大有效投资,加快重大项目建设(责任单位:市发展改革委、市财政局,各县区人民政府,某市高新区管委)。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市发展改革委', '市财政局', '各县区人民政府', '某市高新区管委'],
        participants: [],
        deadline: null,
      },
    ]);
  });

  it('read `各县、区人民政府（管委会）` of a document-wide rule as one party, the zones’ qualifier dropped', () => {
    const doc = extractOne(
      `${head}以下各项工作均需各县、区人民政府（管委会）落实，不再列出。\n1.推进燃煤锅炉治理。（市工业和信息化局牵头）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市工业和信息化局'], participants: ['各县、区人民政府'], deadline: null },
    ]);
  });

  it('keep the open rest of `A等有关部门` in a labelled list as a participant', () => {
    const doc = extractOne(
      `${head}1.积极争取省级专项资金。(责任单位:市工信局、市财政局等有关部门,各县区人民政府)\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市工信局', '市财政局', '各县区人民政府'],
        participants: ['有关部门'],
        deadline: null,
      },
    ]);
  });
});
