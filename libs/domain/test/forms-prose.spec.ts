// Forms of issue 10 seen in real documents after the first held-out scoring: 指导 as a role verb, the measure that
// states a document-wide rule, and documents that name their duty holders only in sentences (prose duties).
import { describe, expect, it } from 'vitest';

import { findDeadline } from '../src/index';
import { extractOne, roles } from '../src/extractor/forms.testing';

const NATIONAL = '国务院办公厅关于印发“无废城市”建设试点工作方案的通知\n国办发〔2018〕128号\n';

describe('指导 and the measure stating a document-wide rule', () => {
  it('reads （A、B指导） as the responsible parties', () => {
    const doc = extractOne(
      `${NATIONAL}二、主要任务\n（一）实施工业绿色生产。全面实施绿色开采。（自然资源部、工业和信息化部指导）\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['自然资源部', '工业和信息化部'],
      participants: [],
      deadline: null,
    });
    expect(doc.measures[0]?.joint).toBe(true);
  });

  it('makes the rule parties participants of the measure that states the rule, as of every measure below', () => {
    const doc = extractOne(
      `${NATIONAL}二、主要任务\n（一）强化顶层设计。优化固体废物管理体制机制。（生态环境部指导，试点城市政府负责落实。以下均需试点城市政府落实，不再列出）\n加强制度政策集成创新。（生态环境部、财政部指导）\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['生态环境部'],
      participants: ['试点城市政府'],
      deadline: null,
    });
    expect(roles(doc.measures[1])).toEqual({
      lead: ['生态环境部', '财政部'],
      participants: ['试点城市政府'],
      deadline: null,
    });
  });
});

describe('prose duties in a document without annotations', () => {
  const TITLE =
    '国务院办公厅关于抓好赋予科研机构和人员更大自主权有关文件贯彻落实工作的通知\n国办发〔2018〕127号\n';

  it('reads 请A…, A会同B and A、B要… per paragraph, flagged as prose', () => {
    const doc = extractOne(
      `${TITLE}各省、自治区、直辖市人民政府，国务院各部委、各直属机构：\n一、抓紧制定实施办法\n（一）明确科技成果作为国有资产的管理程序。请财政部落实有关规定，提出修订建议。\n（二）明确收益办法。各高校、科研院所要制定本单位管理办法。请人力资源社会保障部会同有关部门制定出台具体操作办法。\n（三）做好培训宣传工作。科技部、财政部要加强宣传解读，在2019年2月底前完成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['财政部'], participants: [], deadline: null },
      { lead: ['人力资源社会保障部'], participants: ['各高校', '科研院所', '有关部门'], deadline: null },
      { lead: ['科技部', '财政部'], participants: [], deadline: '2019-02-28' },
    ]);
    expect(doc.measures.every((m) => m.basis === 'prose')).toBe(true);
  });

  it('reads 由A牵头，B、C等单位参与 and a later party with its own duty as participants', () => {
    const doc = extractOne(
      `广东省人民政府办公厅关于促进我省民营科技园发展的意见\n各地级以上市人民政府，省政府各部门：\n（一）加强统筹协调。各级政府要把民营科技园发展列入重要议事日程。建立由省科技厅牵头，省发展改革委、省财政厅等单位参与的工作协调机制。\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['省科技厅'],
      participants: ['各级政府', '省发展改革委', '省财政厅'],
      deadline: null,
    });
  });

  it('takes the duty from the body paragraph under a heading on its own line, 各省（区、市）人民政府 as one party', () => {
    const doc = extractOne(
      `国务院关于在市场监管领域全面推行部门联合“双随机、一公开”监管的意见\n国发〔2019〕5号\n二、主要任务\n（一）建立健全平台。\n各省（区、市）人民政府要以国家企业信用信息公示系统为基础，建设本地区统一的监管工作平台。\n（二）完善清单。\n各地区、各部门在制定相关规定时，要明确抽查事项。市场监管总局要会同有关部门制定清单。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各省（区、市）人民政府'], participants: [], deadline: null },
      // Each party given its own duty leads; the 会同 partners take part.
      { lead: ['各地区', '各部门', '市场监管总局'], participants: ['有关部门'], deadline: null },
    ]);
    expect(doc.measures[0]?.text).toContain('（一）建立健全平台。');
  });

  it('makes a supervising party take part when another has the duty, and 等有关部门 the open rest', () => {
    const doc = extractOne(
      `${TITLE}一、加强督查\n（一）开展自查。各地区、各部门要全面自查。国务院办公厅要适时开展督促检查。\n（二）做好宣传。科技部、财政部等有关部门要加强宣传解读。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各地区', '各部门'], participants: ['国务院办公厅'], deadline: null },
      { lead: ['科技部', '财政部'], participants: ['有关部门'], deadline: null },
    ]);
  });

  it('reads 办公室设在A / 成员由B…组成, a dated goal, 要牵头, levels (市、区两级政府) and clauses before the duty', () => {
    const doc = extractOne(
      `国务院办公厅关于开展城镇小区配套幼儿园治理工作的通知\n国办发〔2019〕3号\n（一）建立协调机制。成员由教育部、民政部、自然资源部等部门负责同志组成。联合办公室设在教育部、住房城乡建设部。各地要参照建立相应工作机制。\n（二）明确目标。2019年12月底前，试点地区完成集约化工作。\n（三）优化环境。各级政府要提高服务水平。各地级以上市人力资源社会保障部门要牵头开展专项行动。\n（四）简政放权。市、区两级政府进一步向临港地区简政放权。\n（五）制定计划。县级以上地方人民政府结合本地实际，统筹制定本辖区抽查工作计划。\n（六）统筹协调。相关规划工作由省科技、发展改革、经济和信息化等有关部门负责。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['教育部', '住房城乡建设部'], participants: ['民政部', '自然资源部', '各地'], deadline: null },
      { lead: ['试点地区'], participants: [], deadline: '2019-12-31' },
      { lead: ['各地级以上市人力资源社会保障部门'], participants: ['各级政府'], deadline: null },
      { lead: ['市、区两级政府'], participants: [], deadline: null },
      { lead: ['县级以上地方人民政府'], participants: [], deadline: null },
      { lead: ['省科技', '发展改革', '经济和信息化'], participants: ['有关部门'], deadline: null },
    ]);
  });

  it('lets numbered items inherit the parties of a group sentence closing on ：', () => {
    const doc = extractOne(
      `国务院办公厅关于印发《政府网站集约化试点工作方案》的通知\n国办函〔2018〕71号\n三、试点任务\n试点地区要认真组织实施，重点做好以下工作：\n（一）建设集约化平台。平台建设可采用省级统建模式。\n（二）形成标准规范。编制集约化平台建设标准。\n四、工作进度\n（一）总结经验。试点地区要于2019年12月底前形成总结报告。\n（二）统一部署。加强宣传。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['试点地区'], participants: [], deadline: null },
      { lead: ['试点地区'], participants: [], deadline: null },
      { lead: ['试点地区'], participants: [], deadline: '2019-12-31' },
    ]);
  });

  it('reads an unannotated item of an annotated document by its sentences, and no duty from words that only look like units', () => {
    // 2026-12-06: numbered items below the last annotated one are read like those between annotated ones (they were
    // left out before); unnumbered paragraphs after it follow the closing-section rules.
    const annotated = extractOne(
      `${TITLE}一、任务\n（一）完善制度。（科技部负责）\n（二）加强宣传。各地区要加强宣传。\n`,
    );
    expect(annotated.measures.map((m) => m.lead)).toEqual([['科技部'], ['各地区']]);
    const prose = extractOne(
      `${TITLE}一、任务\n（一）加快部署。加快车联网部署应用。具体办法由财政部、税务总局制定。委员单位应履行义务。\n`,
    );
    expect(prose.measures.map((m) => m.lead)).toEqual([['财政部', '税务总局']]);
  });
});

describe('recurring duties stated as a yearly plan or appraisal', () => {
  it('reads 统筹制定本辖区年度抽查工作计划, 负责…年度考核 and 每年资助培养 as yearly; 纳入年度计划 alone is not', () => {
    for (const text of [
      '县级以上地方人民政府结合本地实际，统筹制定本辖区年度抽查工作计划。',
      '省科技行政主管部门牵头定期组织申报认定，并负责省级民营科技园的年度考核。',
      '每年资助培养社会工作督导员50名。',
    ]) {
      expect(findDeadline(text, { documentYear: 2019 })).toMatchObject({
        deadlineKind: 'recurring',
        period: 'year',
      });
    }
    expect(findDeadline('将有关项目纳入年度计划。', { documentYear: 2019 })).toBeNull();
  });
});

describe('a convention declared as 排名第一位为牵头单位 with angle brackets nested in the bracket', () => {
  it('reads （A，B，各县<市、区>人民政府，排名第一位为牵头单位，下同） as lead A, the rest participants', () => {
    const doc = extractOne(
      '云浮市人民政府办公室关于印发云浮市促进学前教育普惠健康发展行动方案的通知\n云府办〔2019〕10号\n一、落实政府职责\n(一)健全管理体制。建立完善学前教育管理体制。(市教育局,市委农办,各县<市、区>人民政府,排名第一位为牵头单位,下同)\n(二)扩大资源。新建幼儿园。(市发展改革局,市教育局)\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市教育局'], participants: ['市委农办', '各县（市、区）人民政府'], deadline: null },
      { lead: ['市发展改革局'], participants: ['市教育局'], deadline: null },
    ]);
  });
});

describe('levels sharing one government word', () => {
  it('reads 由县、乡镇两级政府负责 and 分别由市、区人民政府负责 as one collective party each', () => {
    const doc = extractOne(
      '某市人民政府关于关闭小型砖厂的通告\n第四条 小型砖厂的关闭按照权限分别由市、区人民政府负责。\n第五条 砖厂的复垦工作由县、乡镇两级政府负责。\n',
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([['市、区人民政府'], ['县、乡镇两级政府']]);
  });
});

describe('a unit designated to lead a joint body', () => {
  it('reads 联席会议由A、B、C3个部门和单位组成，A为牵头单位 as A leading, the other members taking part', () => {
    const doc = extractOne(
      `${NATIONAL}二、成员单位\n联席会议由科技部、财政部、税务总局3个部门和单位组成，科技部为牵头单位。\n`,
    );
    expect(roles(doc.measures[0])).toEqual({
      lead: ['科技部'],
      participants: ['财政部', '税务总局'],
      deadline: null,
    });
  });
});
