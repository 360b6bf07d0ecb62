// Forms of older State Council opinions and 应急预案 (heldout-3/4/7 development data): the dual management of registered
// organisations, contents lists that are no duties, emergency grades, forwarded texts under an editor's note.
// Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { findDeadline } from './deadline';
import { extractText } from './extract';
import { extractOne, roles } from './forms.testing';

const NATIONAL =
  '国务院办公厅关于加强行业协会管理的意见\n国办发〔1998〕5号\n各省、自治区、直辖市人民政府：\n为加强行业协会管理，现提出如下意见：\n';
/** Lines of a measure: its line number (the body starts on line 5) and its leads. */
const leadsByLine = (doc: ReturnType<typeof extractOne>) => doc.measures.map((m) => [m.line, ...m.lead]);

describe('registered organisations and their sponsors', () => {
  it('reads 挂靠单位 beside 登记管理机关 and 业务主管部门 as a party of its own', () => {
    const doc = extractOne(
      `${NATIONAL}一、分工负责\n登记管理机关、业务主管部门和挂靠单位要各负其责，共同做好年检工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['登记管理机关', '业务主管部门', '挂靠单位'], participants: [], deadline: null },
    ]);
  });
});

describe('contents lists after a duty', () => {
  it('keeps the paragraph closing on `重点是：` as the measure and its numbered points as its contents', () => {
    const doc = extractOne(
      `${NATIONAL}一、检查的重点\n各级民政部门要对协会的活动情况进行检查。重点是：\n1.章程的执行情况，会员大会的召开情况。\n2.财务收支情况，资金使用情况。\n二、组织领导\n各地区要加强领导。\n`,
    );
    expect(leadsByLine(doc)).toEqual([
      [6, '各级民政部门'],
      [10, '各地区'],
    ]);
  });

  it('does not hand a request’s contents (`应当包括以下内容：`) the duty of the paragraph above them', () => {
    const doc = extractOne(
      `某省物资应急预案\n3.1 启动程序\n省应急指挥部要及时向省政府报告。报告应当包括以下内容：\n（1）需要调拨的物资品种和数量。\n（2）资金来源。\n3.2 响应结束\n`,
    );
    expect(leadsByLine(doc)).toEqual([[3, '省应急指挥部']]);
  });

  it('still lets numbered items inherit from a paragraph closing on a plain colon', () => {
    const doc = extractOne(
      `${NATIONAL}一、工作要求\n各级民政部门要重点做好以下工作：\n1.开展年度检查，及时发现各类问题。\n2.公布检查结果，接受社会监督。\n`,
    );
    expect(leadsByLine(doc)).toEqual([
      [7, '各级民政部门'],
      [8, '各级民政部门'],
    ]);
  });
});

describe('grades of an emergency', () => {
  it('never reads a grade defined after its colon (`1.2.1 特别重大（Ⅰ级）：…`) as a unit with duties', () => {
    const doc = extractOne(
      `某市供水应急预案\n1.2 分级\n1.2.1 特别重大（Ⅰ级）：全市大面积停水超过48小时的情况。\n1.2.2 Ⅱ级：两个以上区停水的情况。\n2 职责\n市水务局负责供水抢修的组织协调。\n`,
    );
    expect(leadsByLine(doc)).toEqual([[6, '市水务局']]);
  });
});

describe('a forwarded text under an editor’s note', () => {
  it('keeps the forwarded opinion (`（本文有删减）` then its title) in the notice that names it', () => {
    const result = extractText(
      '国务院办公厅转发某部关于某项工作意见的通知\n国办发〔1998〕9号\n各省、自治区、直辖市人民政府：\n某部《关于某项工作的意见》已经国务院同意，现转发给你们，请认真贯彻执行。\n做好这项工作十分重要。\n各地区要加强领导。\n各部门要密切配合。\n国务院办公厅\n一九九八年三月二日\n（本文有删减）\n关于某项工作的意见\n一、各级民政部门要加强对协会的指导。\n',
      'forwarded.txt',
    );
    expect(result.documents.map((d) => [d.startLine, d.endLine])).toEqual([[1, 12]]);
  });
});

describe('working groups of an organisation section', () => {
  it('gives the subjectless duty after a group’s title (`1.宣传组。负责…`) to that group', () => {
    const doc = extractOne(
      `${NATIONAL}一、组织形式\n成立联合检查办公室，下设宣传组、评估组。\n1.宣传组。负责政策解读和舆论引导，及时回应社会关切。\n2.评估组。组织专家开展评估，提出改进建议。\n`,
    );
    expect(leadsByLine(doc).slice(-2)).toEqual([
      [7, '宣传组'],
      [8, '评估组'],
    ]);
  });

  it('reads a body set up for a joint task (`联合检查办公室`) and a named 小组 as parties', () => {
    const doc = extractOne(
      `${NATIONAL}一、组织形式\n评估细则由联合检查办公室负责拟定，并报主管部门备案。\n二、实施\n数据核查小组负责抽样复核，确保数据真实。\n`,
    );
    expect(leadsByLine(doc)).toEqual([
      [6, '联合检查办公室'],
      [8, '数据核查小组'],
    ]);
  });
});

describe('page heads and excerpts without a title', () => {
  it('reads letter-spaced metadata cells (`文 号 | … | 分 类 |`, `发文字号 … 主题分类`) as the page head and takes their 文号', () => {
    const result = extractText(
      '发文字号\t某自然资规〔2022〕8号\t主题分类\t城乡建设\n发文单位\t某市自然资源和规划局\t效力状态\t有效\n某市自然资源和规划局关于印发某项实施方案的通知\n各区分局：\n一、加强宣传。各区分局要做好政策宣传。\n',
      'meta.txt',
    );
    expect(result.documents.map((d) => [d.docNumber, d.title])).toEqual([
      ['某自然资规〔2022〕8号', '某市自然资源和规划局关于印发某项实施方案的通知'],
    ]);
  });

  it('gives the 文号 of a `文 号` cell row to a page that opens on its addressee line', () => {
    const result = extractText(
      '索 引 号\t0001/2021-1\t发布机构\t县政府办公室\n文 号\t某政办发〔2021〕3号\t分 类\t政府文件\n各镇人民政府，县各部门：\n《关于某项工作的指导意见》已经县政府同意，现印发给你们。\n某县人民政府办公室\n2021年8月1日\n（此件公开发布）\n关于某项工作的指导意见\n各镇要做好某项工作。\n',
      'cells.txt',
    );
    expect(result.documents.map((d) => [d.docNumber, d.startLine, d.endLine])).toEqual([
      ['某政办发〔2021〕3号', 3, 9],
    ]);
  });

  it('gives no title to a page that opens on a numbered item (`1、…事宜`)', () => {
    const doc = extractOne(
      '1、设立改革试验区事宜\n由市发改委牵头，相关部门配合，尽快完成实施方案。\n2、污水处理厂项目\n由市住建局牵头，尽快开工建设。\n',
    );
    expect(doc.title).toBe('');
  });
});

describe('an office set up by a headquarters', () => {
  const PLAN =
    '某省人民政府办公厅关于印发某省物资储备应急预案的通知\n某政办函〔2010〕4号\n2 组织机构\n2.1 省应急指挥部职责\n（1）统一领导全省应急工作。\n（2）决定启动应急响应。\n2.2 省应急指挥部办公室及其职责\n省应急指挥部下设办公室，负责日常工作。办公室设在省粮食局，办公室成员由省财政厅、省交通运输厅有关人员组成。办公室承担以下职责：\n（1）收集分析市场信息。\n（2）起草有关文件。\n2.3 成员单位职责\n';

  it('reads the office as the lead of its set-up paragraph, its host and staffing units as participants', () => {
    const doc = extractOne(PLAN);
    expect(doc.measures.map(roles)[2]).toEqual({
      lead: ['省应急指挥部办公室'],
      participants: ['省粮食局', '省财政厅', '省交通运输厅'],
      deadline: null,
    });
  });

  it('gives the numbered duties after `办公室承担以下职责：` to the office alone, past the items of the section above', () => {
    const doc = extractOne(PLAN);
    expect(doc.measures.slice(3).map((m) => [m.line, ...m.lead, ...m.participants])).toEqual([
      [9, '省应急指挥部办公室'],
      [10, '省应急指挥部办公室'],
    ]);
  });
});

describe('stages of older prose', () => {
  it('ends a window written with a horizontal bar (`1998年3―5月`, `1998年6月――1999年1月`) on its last month', () => {
    expect(findDeadline('1998年3―5月，由各协会开展自查。', { documentYear: 1998 })).toMatchObject({
      deadline: '1998-05-31',
    });
    expect(findDeadline('1998年6月――1999年1月，由登记管理机关审定。', { documentYear: 1998 })).toMatchObject({
      deadline: '1999-01-31',
    });
  });

  it('reads the body a stage or rule names after 由 (`由A根据…审查`, `由A责令…`, `统一由A登记`, `由A对…进行培训`)', () => {
    const doc = extractOne(
      `${NATIONAL}一、工作步骤\n（一）第一阶段。由业务主管部门根据有关要求，对所属协会进行初审。\n（二）第二阶段。拒不整改的，由登记管理机关责令停止活动。\n（三）统一登记。行业协会统一由各级民政部门登记，其他部门不得登记。\n（四）培训。由评估办公室对评估人员进行培训。\n`,
    );
    expect(doc.measures.map((m) => m.lead)).toEqual([
      ['业务主管部门'],
      ['登记管理机关'],
      ['各级民政部门'],
      ['评估办公室'],
    ]);
  });
});

describe('numbered sections of a 预案 opening on a duty', () => {
  const PLAN =
    '某省人民政府办公厅关于印发某省物资储备应急预案的通知\n某政办函〔2010〕4号\n4 应急响应\n4.1 启动\n4.1.1 省应急指挥部接到报告后，要立即组织会商。\n（1）分析研判事态发展。\n（2）省交通运输厅负责组织运力。\n4.1.2 各市人民政府要及时报告本地情况。\n（1）每日汇总物资库存。\n4.2 奖励\n4.2.1 对有下列表现的单位，省应急指挥部应给予表彰。\n（1）出色完成任务的；\n（2）有其他突出贡献的。\n';

  it('gives its subjectless items the section’s party, and the next section closes it', () => {
    const doc = extractOne(PLAN);
    expect(doc.measures.slice(0, 5).map((m) => [m.line, ...m.lead])).toEqual([
      [5, '省应急指挥部'],
      [6, '省应急指挥部'],
      [7, '省交通运输厅'],
      [8, '各市人民政府'],
      [9, '各市人民政府'],
    ]);
  });

  it('never hands the conditions listed after `对有下列表现的单位` the duty of the sentence naming them', () => {
    const doc = extractOne(PLAN);
    expect(doc.measures.slice(5).map((m) => [m.line, ...m.lead])).toEqual([[11, '省应急指挥部']]);
  });
});

describe('one body named with and without its level', () => {
  it('lists `各级民政部门` once when the paragraph names `民政部门` again, and reads `会同A处理…` as a partner', () => {
    const doc = extractOne(
      `${NATIONAL}一、组织领导\n各级民政部门要制定实施办法。民政部门要会同有关单位处理好善后工作。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各级民政部门'], participants: ['有关单位'], deadline: null },
    ]);
  });
});
