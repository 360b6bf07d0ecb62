// Parties named later in a paragraph (development sets heldout-3, -10 and -12): a sector's department and townships of
// a kind of area in a local notice, named media bodies closed by 等媒体, bodies joined by 以及; synthetic texts.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

/** A county office's notice of one paragraph, signed by the office (read by the notice reader: a local document). */
const countyNotice = (body: string) =>
  extractOne(`某县防汛抗旱指挥部办公室暴雨防范告示\n${body}\n县防汛抗旱指挥部办公室\n二○二三年五月一日\n`);

describe('later subjects of a local notice', () => {
  it('reads a sector department (农业部门) and the townships of a kind of area (山区乡镇) as joint holders', () => {
    const doc = countyNotice(
      '预计近日我县将有强降雨。同时，各乡镇要做好排涝准备，确保排水畅通，山区乡镇要加强山塘巡查，严防险情。水利部门要切实做好各项防汛工作。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '山区乡镇', '水利部门'], participants: [], deadline: null },
    ]);
  });

  it('never reads a share of the departments or a word ending in 乡镇 as a holder', () => {
    const doc = countyNotice('各乡镇要做好排查，部分部门要加快整改，城乡镇要加快建设。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各乡镇'], participants: [], deadline: null }]);
  });

  it('reads named media bodies (…日报社、…电视台等媒体) as holders, the 等媒体 group dropped', () => {
    const doc = extractOne(
      '某市人民政府办公室关于做好民生实事工作的通知\n各县、区人民政府，市政府有关部门：\n三、强化保障。各相关单位要建立工作台账。某市日报社、某市广播电视台等媒体要加强宣传报道，营造良好氛围。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各相关单位', '某市日报社', '某市广播电视台'], participants: [], deadline: null },
    ]);
  });

  it('reads a later subject of 都要 beside a subject already read (各县区及相关部门都要…)', () => {
    const doc = countyNotice(
      '一、加强领导。各乡镇和县直有关部门要加强组织领导。各乡镇及相关部门都要成立工作机构。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '县直有关部门', '相关部门'], participants: [], deadline: null },
    ]);
  });

  it('leaves a paragraph opening on a sector department to the prose reader', () => {
    const doc = countyNotice('高考期间，卫健部门要做好防疫工作，市场监管部门对饮食摊点进行执法检查。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['卫健部门', '市场监管部门'], participants: [], deadline: null },
    ]);
  });

  it('reads two bodies joined by 以及 as two holders', () => {
    const doc = extractOne(
      '区政府召开第六十六次常务会议\n会议要求，区应急局要做好牵头抓总，城管局以及各街道办事处要全力抓好安全生产工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区应急局', '城管局', '各街道办事处'], participants: [], deadline: null },
    ]);
  });
});

/** A standing meeting's minutes of one paragraph (no local issuer: read as prose). */
const meeting = (body: string) => extractOne(`某市政府第八次常务会议纪要\n会议要求\n${body}\n`);

describe('later subjects of prose paragraphs', () => {
  it('reads a 各-collective after a comma of a sentence without its own subject (…，各行业要…)', () => {
    const doc = meeting(
      '各级各部门要认真落实会议精神。要抓好当前的安全生产工作，干部职工做到坚守岗位，各行业要各司其职，履职尽责。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级各部门', '各行业'], participants: [], deadline: null },
    ]);
  });

  it('reads the townships of a kind of area given their own duty after a comma', () => {
    const doc = meeting('各乡镇要做好排涝准备，确保排水畅通，库区乡镇要加强水库巡查。');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各乡镇', '库区乡镇'], participants: [], deadline: null },
    ]);
  });

  it('asks the collective opening a clause after ； of a request (请A…；B视情…)', () => {
    const doc = extractOne(
      '森林火险预警\n预计近期我市森林火险等级高。请各单位加强巡查，及时消除隐患；各街道视情，队伍靠前布防，确保不发生火情。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各单位', '各街道'], participants: [], deadline: null },
    ]);
  });

  it('never asks a clause after ； that opens on no party', () => {
    const doc = extractOne('森林火险预警\n请各单位加强巡查；各项措施落实到位，确保不发生火情。\n');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
  });

  it('reads a rule’s drafting body (起草单位应当…) as a holder of its own', () => {
    const doc = extractOne(
      '某省人民政府办公厅关于加强文件审核工作的通知\n一、明确职责。审核机构要认真履行审核职责。起草单位应当根据审核意见作必要的修改。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['审核机构', '起草单位'], participants: [], deadline: null },
    ]);
  });

  it('reads a second subject paired with its own object before the shared 要 (A对X、B对Y要…)', () => {
    const doc = extractOne(
      '某省人民政府办公厅关于加强文件审核工作的通知\n二、强化监督。各级人民政府对所属部门、上级人民政府对下级人民政府要加强指导监督。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级人民政府', '上级人民政府'], participants: [], deadline: null },
    ]);
  });
});

describe('persons, task forces and the speaker of a demand in prose', () => {
  it('never reads cadres (全体干部) as a party and reads a task force (工作专班) after a numbered point', () => {
    const doc = meeting(
      '一是各部门要明确职责。二是我县全体干部要发挥带头作用。三是要加强督导考核，创卫工作专班要对各部门工作开展情况进行抽查。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各部门', '创卫工作专班'], participants: [], deadline: null },
    ]);
  });

  it('reads the abbreviated list closed by 等…的部门 before ，要 and never the government demanding it', () => {
    const doc = extractOne(
      '某县人民政府办公室关于国庆节放假的通知\n各乡镇人民政府，县政府各部门：\n2.要确保社会稳定。县政府要求，公安、民政、卫生、交通等与群众生活密切相关的部门，要组织好本系统的各项工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['公安', '民政', '卫生', '交通'], participants: [], deadline: null },
    ]);
  });
});

describe('a permitted body carried by the subjectless duties after it', () => {
  const rules = (item: string) =>
    extractOne(
      `某省人民政府办公厅关于加强文件审核工作的通知\n一、明确职责。审核机构要认真履行审核职责。\n${item}\n`,
    );

  it('reads the body given a permission (A可以…) as the holder of the 要 sentences after it', () => {
    const doc = rules(
      '二、完善工作方式。复议机构可以根据工作需要，采用多种方式进行审查。要建立健全专家咨询机制。',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['审核机构'], participants: [], deadline: null },
      { lead: ['复议机构'], participants: [], deadline: null },
    ]);
  });

  it('gives no duty to a permission alone', () => {
    const doc = rules('二、完善工作方式。复议机构可以根据工作需要，采用多种方式进行审查。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['审核机构'], participants: [], deadline: null }]);
  });
});
