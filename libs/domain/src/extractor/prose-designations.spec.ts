// Prose duties addressed or designated without a duty marker right after the name (prose-designations.ts), and the
// sentence forms read beside them: plans stated with 拟, designations (为…主管单位 / 是…综合部门), 由A依据…, the
// supporting side 积极支持, rule articles (第三条 …) and the issuer's pronoun (我们 / 我局, prose-pronouns.ts).
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const NOTICE = '某市人民政府办公室关于做好城乡供水保障工作的通知\n';

describe('parties addressed in 通报 and 公示', () => {
  it('reads `希望A、B…` as the parties urged (the only directive of a progress notice)', () => {
    const doc = extractOne(
      `某县2023年十大实事项目进展情况公示\n截至6月底，已完成年度任务的有2项，推进缓慢的有3项。\n希望各乡镇、各有关单位进一步加快进度，确保年底前全面完成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '各有关单位'], participants: [], deadline: '2023-12-31' },
    ]);
  });

  it('reads `由A负责的第2项、B负责的第5项…，请以上责任单位…` as every unit named before asked; a later party takes part', () => {
    const doc = extractOne(
      `${NOTICE}其中，由市水利局负责的第2项、市住建局负责的第5项、市财政局负责的第7、9项推进滞后，请以上责任单位倒排工期，加快推进。市政府督查室将跟踪督办。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水利局', '市住建局', '市财政局'], participants: ['市政府督查室'], deadline: null },
    ]);
  });
});

describe('designations and offices of an organisation text', () => {
  it('reads `X办公室设在A，主要承担…` as the office holding its duties and the host taking part', () => {
    const doc = extractOne(`${NOTICE}工作专班办公室设在市水利局，主要负责专班的日常联络和督办工作。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['工作专班办公室'], participants: ['市水利局'], deadline: null },
    ]);
  });

  it('still reads an office set up without duties of its own (`办公室设在A。`) as A leading', () => {
    const doc = extractOne(`${NOTICE}领导小组办公室设在市水利局。\n`);
    expect(doc.measures.map(roles)).toEqual([{ lead: ['市水利局'], participants: [], deadline: null }]);
  });

  it('reads every body of a sentence of designations (`A是…的责任主体，B、C是…的责任主体`)', () => {
    const doc = extractOne(
      `${NOTICE}市水务集团是城区供水设施的责任主体，各区政府、市住建局是农村供水工程的责任主体。各责任主体要落实管护经费。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水务集团', '各区政府', '市住建局'], participants: [], deadline: null },
    ]);
  });

  it('reads `A为…的主管单位` and `A是…的综合部门，…会同B…` as A leading (B, after 会同, takes part)', () => {
    const doc = extractOne(
      `${NOTICE}一、职责\n市水利局为农村饮水安全工程的行业主管单位。\n市发展改革委是供水项目管理的综合部门，主要负责项目审批，会同有关行业主管部门组织竣工验收。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水利局'], participants: [], deadline: null },
      { lead: ['市发展改革委'], participants: ['有关行业主管部门'], deadline: null },
    ]);
  });

  it('reads a rule article (`第五条 A是…的责任主体`) after its number, and `由A依照…` as A holding the duty', () => {
    const doc = extractOne(
      `${NOTICE}第五条 市水务集团是城区供水水质的责任主体。\n第六条 违反本办法的，由市水利局依照有关规定予以处罚。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水务集团'], participants: [], deadline: null },
      { lead: ['市水利局'], participants: [], deadline: null },
    ]);
  });

  it('does not read `告知当事人执法事由、执法依据` as 由…依据 naming a party', () => {
    const doc = extractOne(`${NOTICE}执法人员要主动告知当事人执法事由、执法依据等内容。\n`);
    expect(doc.measures).toEqual([]);
  });
});

describe('plans, the supporting side and the issuer speaking of itself', () => {
  it('reads departments stating their next steps with 拟 (`A拟研究制订…。B拟…`) as co-leads', () => {
    const doc = extractOne(
      `国务院办公厅关于城市供水建议的复函\n三、下一步工作。水利部拟研究制订农村供水工程建设标准。财政部拟加大对中西部地区的资金支持。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['水利部', '财政部'], participants: [], deadline: null },
    ]);
  });

  it('reads `A要…。B、C要积极支持…` as B and C supporting A', () => {
    const doc = extractOne(
      `${NOTICE}市水利局要认真组织实施。各区、各有关部门要积极支持供水保障工作，加强沟通衔接。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市水利局'], participants: ['各区', '各有关部门'], deadline: null },
    ]);
  });

  it('names the issuer for `我们将…` in a reply, and the forwarded body for `我局将…`', () => {
    const reply = extractOne(
      `国务院办公厅关于城市供水建议的复函\n感谢您对供水工作的关心，我们将督促有关部门抓紧落实。\n`,
    );
    expect(reply.measures.map(roles)).toEqual([{ lead: ['国务院办公厅'], participants: [], deadline: null }]);
    const forwarded = extractOne(
      `国务院办公厅转发国家能源局关于加强农村电网建设意见的通知\n（六）加强宣传。我局将尽快编印农村用电安全宣传材料。\n`,
    );
    expect(forwarded.measures.map(roles)).toEqual([
      { lead: ['国家能源局'], participants: [], deadline: null },
    ]);
  });
});

describe('places of a kind in older prose', () => {
  it('reads `各有关省（区）要…` as 各有关省, the trailing qualifier dropped', () => {
    const doc = extractOne(`${NOTICE}各有关省（区）要把流域治理列入本地区重点工作。\n`);
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各有关省'], participants: [], deadline: null }]);
  });

  it('reads `有条件的城市，特别是B示范区要…` and `有关的省份应…` as places given the duty', () => {
    const doc = extractOne(
      `国务院办公厅关于加强城市节水工作的通知\n（三）有条件的城市，特别是节水型社会建设示范区要开展再生水利用试点。有关的省份应制定节水规划。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['有条件的城市', '节水型社会建设示范区', '有关的省份'], participants: [], deadline: null },
    ]);
  });
});

describe('supervising parties and a notice covering its attachment', () => {
  it("reads a department given the checking as a lead beside the others, the issuer's office as taking part", () => {
    const doc = extractOne(
      `${NOTICE}各区人民政府要制定供水保障方案。市水利局、市住建局要定期督促检查方案落实情况。\n市城管局要做好管网巡查。市政府办公室要适时开展督促检查。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各区人民政府', '市水利局', '市住建局'], participants: [], deadline: null },
      { lead: ['市城管局'], participants: ['市政府办公室'], deadline: null },
    ]);
  });

  it('reads the covering paragraphs of a notice whose measures all come from the table attached below them', () => {
    const doc = extractOne(
      `国务院办公厅关于推广第三批农村改革经验的通知\n国办发〔2030〕9号\n各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、做好推广工作\n各省（区、市）人民政府要把推广农村改革经验列入重点工作，研究制定推广方案。\n附件：第三批农村改革经验推广清单\n国务院办公厅\n2030年3月1日\n附件\n第三批农村改革经验推广清单\n序号\t改革举措\t负责单位\t推广范围\n1\t农村集体经营性建设用地入市\t自然资源部\t全国\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['自然资源部'], participants: [], deadline: null },
      { lead: ['各省（区、市）人民政府'], participants: [], deadline: null },
    ]);
  });
});

describe('the units of a mechanism a holder sets up', () => {
  it('reads `A要建立B牵头、C参与的…机制` as A leading, B and C taking part', () => {
    const doc = extractOne(
      `${NOTICE}各区人民政府要建立区水务局牵头、区有关部门参与的联合巡查机制，统筹做好辖区供水保障工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各区人民政府'], participants: ['区水务局', '区有关部门'], deadline: null },
    ]);
  });
});

describe('principles of an emergency plan', () => {
  const PLAN = '某县地质灾害应急预案\n';

  it('reads `实行A行政首长负责制` and `B根据职责分工负责…` as A and B holding the work', () => {
    const doc = extractOne(
      `${PLAN}1.4 工作原则\n地质灾害防治工作实行各乡镇人民政府行政首长负责制，分级管理，县直各部门根据职责分工负责相关工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县直各部门', '各乡镇人民政府'], participants: [], deadline: null },
    ]);
  });

  it('reads `A（以下简称B）负责…` as A, the short name dropped', () => {
    const doc = extractOne(
      `${PLAN}1.4 工作原则\n县抗旱防汛指挥部（以下简称县防指）负责统一指挥全县抗旱防汛工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县抗旱防汛指挥部'], participants: [], deadline: null },
    ]);
  });
});

describe('the rules of a 联席会议制度', () => {
  it('reads `联席会议原则上每年召开两次全体会议…由联席会议办公室召开…` as a half-yearly duty of both bodies', () => {
    const doc = extractOne(
      `某省人民政府关于同意建立全省河湖管理联席会议制度的批复\n三、工作规则\n联席会议原则上每年召开两次全体会议，由召集人主持。会前由联席会议办公室召开联络员会议，汇总议题。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['联席会议', '联席会议办公室'], participants: [], deadline: null },
    ]);
    expect(doc.measures.map((m) => [m.deadlineKind, m.period])).toEqual([['recurring', 'half-year']]);
  });
});

describe('a role collective delimited by its relative clause', () => {
  it('reads `进度滞后的项目责任单位主要领导要…` as the collective as written, its post-holder dropped', () => {
    const doc = extractOne(
      `某区民生实事项目1-6月进展情况通报\n截至6月底，部分项目进度滞后。\n工期滞后的项目责任单位主要领导要亲自督办，倒排工期。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['工期滞后的项目责任单位'], participants: [], deadline: null },
    ]);
  });
});
