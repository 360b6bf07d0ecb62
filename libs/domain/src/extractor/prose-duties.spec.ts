// Duty lists of 应急预案 / 工作方案 organisation sections and unbracketed prose duties of older State Council notices:
// the subject of a line or sentence holds the duty, a heading or introducing sentence can name whose duties follow.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const PLAN = '某县防汛抢险应急预案\n';

describe('duty lists of an organisation section', () => {
  it('reads `A：负责…；…` lines, numbered or not, as measures led by A; `A：会同B负责` makes B a participant', () => {
    const doc = extractOne(
      `${PLAN}2.2成员单位职责\n1.县水利局：负责水库、堤防的巡查；做好汛情监测。\n县财政局：负责抢险资金保障。\n（3）县商务局：会同县发展改革局负责救灾物资的储备，保障灾区群众基本生活。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县水利局'], participants: [], deadline: null },
      { lead: ['县财政局'], participants: [], deadline: null },
      { lead: ['县商务局'], participants: ['县发展改革局'], deadline: null },
    ]);
  });

  it('does not read an addressee line as a duty list line', () => {
    const doc = extractOne(`${PLAN}县水利局、县财政局：\n现将有关事项通知如下，请认真执行。\n`);
    expect(doc.measures).toEqual([]);
  });

  it('reads `X的职责是：`, `X承担以下职责：` and a section heading `2.1.1 X职责` as naming whose duties follow', () => {
    const doc = extractOne(
      `${PLAN}县防汛指挥部的职责是：统一指挥全县防汛抢险工作；决定启动应急响应。\n县防汛指挥部办公室承担以下职责：\n（1）收集汛情、险情信息，及时报告；\n（2）提出调度建议，督促落实。\n2.1.1 现场指挥部职责\n（1）组织现场抢险，转移群众。\n2.1.2 专家组\n（1）提供技术咨询，参与会商。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县防汛指挥部'], participants: [], deadline: null },
      { lead: ['县防汛指挥部办公室'], participants: [], deadline: null },
      { lead: ['县防汛指挥部办公室'], participants: [], deadline: null },
      { lead: ['现场指挥部'], participants: [], deadline: null },
    ]);
  });

  it('reads `设立A（以下简称B）。主要职责是：` as B holding the duties listed', () => {
    const doc = extractOne(
      `${PLAN}设立县突发事件信息中心（以下简称县信息中心）。主要职责是：受理突发事件报警，及时报告。\n`,
    );
    expect(roles(doc.measures[0])).toEqual({ lead: ['县信息中心'], participants: [], deadline: null });
  });

  it('reads `由A牵头，B、C等单位组成，负责…` as A leading, the member units taking part', () => {
    const doc = extractOne(
      `${PLAN}（1）综合协调组。由县政府办公室牵头，县公安局、县民政局等单位组成，负责传达指令。\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['县政府办公室'],
      participants: ['县公安局', '县民政局'],
      deadline: null,
    });
  });

  it('reads short numbered sentences under a duty list as items, never as headings', () => {
    const doc = extractOne(
      `${PLAN}2.1.1 县防汛指挥部职责\n（1）统一指挥全县抢险工作，决定启动响应。\n（2）对各乡镇防汛工作进行督查。\n2.1.2 成员单位职责\n（1）县气象局负责天气预报和雨情监测。\n（2）县供水有限公司负责城区应急供水。\n（3）县文化广电局会同县融媒体中心制订汛情发布方案，及时发布信息。\n7.2 本预案由县应急管理局负责解释。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县防汛指挥部'], participants: [], deadline: null },
      { lead: ['县防汛指挥部'], participants: [], deadline: null },
      { lead: ['县气象局'], participants: [], deadline: null },
      { lead: ['县供水有限公司'], participants: [], deadline: null },
      { lead: ['县文化广电局'], participants: ['县融媒体中心'], deadline: null },
      { lead: ['县应急管理局'], participants: [], deadline: null },
    ]);
  });

  it('reads `A立即…` as a duty and drops a `（单位）` qualifier', () => {
    const doc = extractOne(
      `${PLAN}接到报告后，县防汛指挥部立即组织会商，研判险情。\n县有关部门（单位）要加强值班。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县防汛指挥部'], participants: [], deadline: null },
      { lead: ['县有关部门'], participants: [], deadline: null },
    ]);
  });

  it('reads `A按照职能分工，…` and `其他有关部门在…领导下，做好配合工作` as duties', () => {
    const doc = extractOne(
      `${PLAN}2.1.3 成员单位职责\n（1）县有关部门按照职责分工，迅速开展抢险救灾。\n（2）其他相关部门在县防汛指挥部的统一指挥下，做好协同配合工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县有关部门'], participants: [], deadline: null },
      { lead: ['其他相关部门'], participants: [], deadline: null },
    ]);
  });

  it('does not take an excerpt’s opening numbered section (`2.3应急调度中心`) for its title', () => {
    const doc = extractOne('2.3应急调度中心\n县应急调度中心的职责是：受理报警。\n');
    expect(doc.title).toBe('');
  });
});

describe('unbracketed prose duties of a notice', () => {
  const NOTICE = '国务院关于做好某项工作的通知\n国发〔1996〕1号\n';

  it('makes the supporting side (`B要继续对A的工作给予支持`, `请C积极给予支持`) participants next to the duty', () => {
    const doc = extractOne(
      `${NOTICE}各级地震部门要抓好地震监测。各地、各部门要继续对地震部门的工作给予支持。\n所需资金由有关专业银行筹措解决，如确有困难，请中国人民银行积极给予支持。\n各地、各部门要给予支持。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级地震部门'], participants: ['各地', '各部门'], deadline: null },
      { lead: ['有关专业银行'], participants: ['中国人民银行'], deadline: null },
      { lead: ['各地', '各部门'], participants: [], deadline: null },
    ]);
  });

  it('reads `A，特别是B，要…` as A and B, and 各省、自治区、直辖市 / 有关省、市、自治区 as one collective', () => {
    const doc = extractOne(
      `${NOTICE}各省、自治区、直辖市，特别是重点防御区所在地人民政府，也要抓紧立法工作。\n有关省、市、自治区应尽快落实基数。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各省、自治区、直辖市', '重点防御区所在地人民政府'], participants: [], deadline: null },
      { lead: ['有关省、市、自治区'], participants: [], deadline: null },
    ]);
  });

  it('reads 由A自行解决 / 由A统一拨补 / 由A贷款 as designating the holder', () => {
    const doc = extractOne(
      `${NOTICE}一、按基数结算，差额部分由地方自行解决。\n二、奖售粮按统购价供应，经营费用由地方财政统一拨补。\n三、新开工项目由中国人民建设银行贷款；过去由哪家银行贷款，今后仍由其安排。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['地方'], participants: [], deadline: null },
      { lead: ['地方财政'], participants: [], deadline: null },
      { lead: ['中国人民建设银行'], participants: [], deadline: null },
    ]);
  });

  it('reads `A牵头制定…，B、C等有关部门和单位参加` with long member lists, the collective kept whole', () => {
    const doc = extractOne(
      `${NOTICE}（一）设立县森林防火指挥部，指挥扑救工作。县林业局牵头制定和组织实施应急预案，县公安局、县气象局、县交通运输局、县财政局、县民政局、县卫生健康局、县应急管理局、县自然资源局、县住房和城乡建设局、县农业农村局等有关部门和单位参加。\n（二）县电信局牵头制定应急预案，县公安局等有关部门和各电信运营企业参加。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['县林业局'],
        participants: [
          '县公安局',
          '县气象局',
          '县交通运输局',
          '县财政局',
          '县民政局',
          '县卫生健康局',
          '县应急管理局',
          '县自然资源局',
          '县住房和城乡建设局',
          '县农业农村局',
          '有关部门和单位',
        ],
        deadline: null,
      },
      { lead: ['县电信局'], participants: ['县公安局', '各电信运营企业', '有关部门'], deadline: null },
    ]);
  });

  it('reads a reply’s promises (`A研究提出了办理意见：将…`, `2004年A将会同B…`, `应请A…`) but not its past narrative', () => {
    const doc = extractOne(
      `${NOTICE}一、关于堤防建设问题。\n发展改革委会同水利部研究提出了办理意见。\n发展改革委会同有关部门研究提出：发展改革委在专项规划中统筹考虑了布局。\n2004年发展改革委将会同水利部认真进行研究，给予适当支持。\n二、关于项目布局问题。\n发展改革委研究提出了办理意见：将在编制规划中，统筹考虑你省的要求。\n三、关于移民问题。\n有关部门研究提出了办理意见：移民为省内安置。有关移民工作应请地方政府按照总体规划的要求，切实抓好实施工作。\n四、关于项目支持问题。\n证监会提出：根据有关文件精神，证监会将对已列入规划的项目给予支持。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['发展改革委'], participants: ['水利部'], deadline: '2004-12-31' },
      { lead: ['发展改革委'], participants: [], deadline: null },
      { lead: ['地方政府'], participants: [], deadline: null },
      { lead: ['证监会'], participants: [], deadline: null },
    ]);
  });

  it('reads regulated enterprises of a trade (`黄金生产企业要…`) as parties, not every 产业 or 行业', () => {
    const doc = extractOne(
      `${NOTICE}一、黄金生产企业要变粗放式经营为集约化经营，降低资产负债率。\n二、旅游产业要加快发展，提升服务质量。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['黄金生产企业'], participants: [], deadline: null }]);
  });

  it('reads a month written in Chinese numerals (`各地应于六月底前…`) in the document’s year', () => {
    const doc = extractOne(
      `${NOTICE}一、各地应于六月底前将落实情况报农业部备案，不要留缺口。\n国务院\n一九八一年五月二十三日\n`,
    );
    expect(roles(doc.measures[0])).toEqual({ lead: ['各地'], participants: [], deadline: '1981-06-30' });
  });
});

describe('partners of a prose duty', () => {
  it('ends the 会同 list before the duty verb (会同有关部门加强督促指导 → 有关部门)', () => {
    const doc = extractOne(
      '浙江省人民政府办公厅关于加快推进农村公路高质量发展的实施意见\n浙政办发〔2024〕8号\n一、重点任务\n（一）提升路网通达水平。（省交通运输厅牵头）\n二、保障措施\n省交通运输厅要会同有关部门加强督促指导，定期通报工作进展。\n',
    );
    expect(roles(doc.measures[1])).toEqual({
      lead: ['省交通运输厅'],
      participants: ['有关部门'],
      deadline: null,
    });
  });
});

describe('the key of a prose measure', () => {
  it('is its place under the headings (`一/（二）`), like an annotated measure, not its count', () => {
    const doc = extractOne(
      '国务院办公厅关于推进数字乡村建设的意见\n一、夯实基础\n（一）完善网络。工业和信息化部要推进农村光纤建设。\n（二）建设平台。农业农村部要建设数字农业平台。\n二、保障措施\n各地区要制定具体方案。\n',
    );
    expect(doc.measures.map((m) => [m.key, m.path])).toEqual([
      ['一/（一）', ['一', '（一）']],
      ['一/（二）', ['一', '（二）']],
      ['二', ['二']],
    ]);
  });
});
