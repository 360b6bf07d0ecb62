// Forms of the fifteenth development round, seen in the mismatch lists of the development sets and recurring in other
// documents: 元月 for January, month cells closed by a completion (`9月投入使用`), quarterly report days (`每季度第1个月
// 的10日前`), `务于…前`; synthetic texts, new wording.
import { describe, expect, it } from 'vitest';

import { findDeadline, parseDeadlineCell } from './deadline';
import { extractOne, roles } from './forms.testing';

describe('元月 for January', () => {
  it('reads 元月 as the first month, with a year and in the document year', () => {
    expect(findDeadline('各地要于2021年元月底前完成摸底登记。', { documentYear: 2020 })).toMatchObject({
      deadline: '2021-01-31',
      deadlineText: '于2021年元月底前',
    });
    expect(
      findDeadline('各责任单位要制订实施方案，并于元月底前报送。', { documentYear: 2013 }),
    ).toMatchObject({
      deadline: '2013-01-31',
      deadlineText: '元月底',
    });
    expect(findDeadline('元月15日前上报名单。', { documentYear: 2013 })).toMatchObject({
      deadline: '2013-01-15',
    });
  });

  it('never reads an amount in 元 before 月 as January', () => {
    expect(findDeadline('补助标准为每人300元月底前发放到位。', { documentYear: 2013 })).toBeNull();
  });

  it('dates a notice paragraph by 元月底前 in the notice year', () => {
    const doc = extractOne(
      '某市人民政府办公室关于印发2013年目标任务分解意见的通知\n某政办发〔2013〕3号\n一、狠抓落实。各责任单位要制订工作方案，并于元月底前报市政府督查室。\n二、加强督查。市政府督查室要定期通报进展。\n',
    );
    expect(doc.measures.map(roles)[0]).toEqual({
      lead: ['各责任单位'],
      participants: [],
      deadline: '2013-01-31',
    });
  });
});

describe('deadline cells closed by a completion', () => {
  const year = { documentYear: 2016 };

  it('ends a month cell run into its completion (投入使用, 完工, 底完成) at that month', () => {
    expect(parseDeadlineCell('9月投入使用', year)).toMatchObject({
      deadline: '2016-09-30',
      deadlineKind: 'date',
    });
    expect(parseDeadlineCell('10月完工', year)).toMatchObject({ deadline: '2016-10-31' });
    expect(parseDeadlineCell('11月份竣工', year)).toMatchObject({ deadline: '2016-11-30' });
    expect(parseDeadlineCell('8月底建成', year)).toMatchObject({ deadline: '2016-08-31' });
    expect(parseDeadlineCell('12月底完成', year)).toMatchObject({ deadline: '2016-12-31' });
  });

  it('dates a yearless month end run into 投入使用 or 完工 in running text', () => {
    expect(findDeadline('确保新馆9月底投入使用。', year)).toMatchObject({ deadline: '2016-09-30' });
    expect(findDeadline('力争主体工程11月底完工。', year)).toMatchObject({ deadline: '2016-11-30' });
  });

  it('reads no month cell that only names an event or a work', () => {
    expect(parseDeadlineCell('9月召开推进会', year)).toBeNull();
    expect(parseDeadlineCell('9月投入使用', { documentYear: null })).toBeNull();
  });

  it('dates a table row whose 完成时限 cell says when the work opens for use', () => {
    const doc = extractOne(
      '某县人民政府办公室关于对2016年民生实事进行督办的通知\n某府办〔2016〕8号\n序号\t民生实事\t责任单位\t完成时限\n1\t新建社区服务中心1个。\t县民政局\t10月完工\n2\t新建城区公厕5座。\t县城管局\t9月投入使用\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县民政局'], participants: [], deadline: '2016-10-31' },
      { lead: ['县城管局'], participants: [], deadline: '2016-09-30' },
    ]);
  });
});

describe('a table row continued by a sub-row with a time limit of its own', () => {
  it('reads the sub-row (its 序号 and 责任单位 cells merged) as a later step of the numbered row', () => {
    const doc = extractOne(
      '某县人民政府办公室关于对2016年民生实事进行督办的通知\n某府办〔2016〕8号\n序号\t民生实事\t责任单位\t完成时限\n1\t开工建设县敬老院。\t县民政局\t5月底前动工\n开工建设社区日间照料中心。\t12月底前\n2\t新建城区公厕5座。\t县城管局\t9月投入使用\n',
    );
    expect(
      doc.measures.map((m) => ({
        ...roles(m),
        text: m.text,
        milestones: (m.milestones ?? []).map((s) => s.date),
      })),
    ).toEqual([
      {
        lead: ['县民政局'],
        participants: [],
        deadline: '2016-12-31',
        text: '开工建设县敬老院。开工建设社区日间照料中心。',
        milestones: ['2016-05-31'],
      },
      {
        lead: ['县城管局'],
        participants: [],
        deadline: '2016-09-30',
        text: '新建城区公厕5座。',
        milestones: [],
      },
    ]);
  });
});

describe('quarterly report days and 务于', () => {
  it('reads a day of each quarter (每季度第1个月的10日前, 每季度首月10日前) as recurring every quarter', () => {
    for (const text of [
      '从第二季度起，每季度第1个月的10日前，各责任单位要将承办事项的完成情况报区政府督查室。',
      '每季度首月10日前，各单位要将工作进展书面报县政府办公室。',
      '各牵头单位要在每个季度第1个月的20日前，将责任事项完成情况报市政府督查室。',
    ])
      expect(findDeadline(text, { documentYear: 2017 })).toMatchObject({
        deadline: null,
        deadlineKind: 'recurring',
        period: 'quarter',
      });
  });

  it('reads a party whose duty is dated by 务于…前 (务 for 务必)', () => {
    const doc = extractOne(
      '某市人民政府办公室关于印发2005年重点工作分解意见的通知\n某政办〔2005〕12号\n现将2005年重点工作分解印发给你们，望各县区、市政府各部门要强力推进落实。同时，各责任单位务于6月25日、12月25日前分两次向市政府报告工作落实情况。\n',
    );
    expect(doc.measures.map(roles)[0]).toEqual({
      lead: ['各县区', '市政府各部门', '各责任单位'],
      participants: [],
      deadline: '2005-12-25',
    });
  });

  it('reads the date of 务于3月底前完成 as the deadline of its party', () => {
    const doc = extractOne(
      '某县人民政府办公室关于开展农村危房排查的通知\n一、全面排查\n各乡镇务于3月底前完成辖区内农村危房排查。\n某县人民政府办公室\n2021年2月1日\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各乡镇'], participants: [], deadline: '2021-03-31' }]);
  });

  it('reads 务于…前 as the duty of a prose sentence too', () => {
    const doc = extractOne(
      '国务院办公厅关于开展农村危房排查的通知\n一、全面排查\n各省级人民政府务于2021年3月底前完成辖区内农村危房排查。\n',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), basis: m.basis }))).toEqual([
      { lead: ['各省级人民政府'], participants: [], deadline: '2021-03-31', basis: 'prose' },
    ]);
  });
});

describe('classes of units named by a relative clause', () => {
  /** A district supervision report read as prose. */
  const report = (body: string) => extractOne(`关于某某路环境整治情况的通报\n${body}\n`);
  /** A county notice sending out its breakdown (read by the notice reader). */
  const notice = (items: string) =>
    extractOne(
      `某区人民政府办公室关于做好2024年政府工作报告目标任务落实工作的通知\n各街道办事处，区政府各部门：\n现将《2024年政府工作报告目标任务分解表》印发给你们，请认真抓好落实。\n${items}\n`,
    );

  it('reads a class set off by a comma before 也要 in prose as a party of its own', () => {
    const doc = report(
      '此次督查发现部分问题整改不到位。各责任单位要按照时间节点报送整改情况。未列入本次曝光问题整改的其他单位，也要对照问题开展自查自纠。',
    );
    expect(doc.measures.map((m) => ({ ...roles(m), basis: m.basis }))).toEqual([
      {
        lead: ['各责任单位', '未列入本次曝光问题整改的其他单位'],
        participants: [],
        deadline: null,
        basis: 'prose',
      },
    ]);
  });

  it('keeps two clauses of one class joined by 及 as one party and drops the report it is found in', () => {
    const doc = report(
      '各相关职能部门要进一步加大整改力度。本通报中未按期整改的部门及整改不到位的部门主要负责同志要向区政府主要领导说明原因。',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['各相关职能部门', '未按期整改的部门及整改不到位的部门'],
        participants: [],
        deadline: null,
      },
    ]);
  });

  it('reads an item of a prose list named by its relative clause (其他承担科研任务的单位)', () => {
    const doc = extractOne(
      '国务院办公厅关于赋予科研单位更大自主权的通知\n一、抓紧制定实施办法\n各高校、科研院所和其他承担科研任务的单位要修订相关管理制度。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各高校', '科研院所', '其他承担科研任务的单位'], participants: [], deadline: null },
    ]);
  });

  it('never reads the object of a preposition as such a class', () => {
    const doc = report('各责任单位要抓好整改落实。对整改不力的单位，要严肃追究责任。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各责任单位'], participants: [], deadline: null }]);
  });

  it('reads a notice subject set off by a comma, its clause holding 、 and 《》, as one party', () => {
    const doc = notice(
      '一、加强对接。承担省、市《政府工作报告》和市民生实事办理任务的责任单位，要加强与市级责任部门的对接，抓好任务分解。\n二、压实责任。各承办单位要把办理工作列入重要议事日程。承办数量较多的单位，应由领导班子成员按照分工牵头办理。',
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['承担省、市《政府工作报告》和市民生实事办理任务的责任单位'],
        participants: [],
        deadline: null,
      },
      { lead: ['各承办单位', '承办数量较多的单位'], participants: [], deadline: null },
    ]);
  });

  it('still drops a clause run into its verb (the role collective is the party)', () => {
    const doc = notice('一、加强对接。承办《政府工作报告》的责任单位要相互对接，抓好任务分解。');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['责任单位'], participants: [], deadline: null }]);
  });
});
