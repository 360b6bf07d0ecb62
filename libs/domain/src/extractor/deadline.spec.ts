import { describe, expect, it } from 'vitest';
import { compact, corpusSpan, type CorpusFile } from './annotation-corpus.testing';
import { findDeadline, parseDeadlineCell } from './deadline';

interface DeadlineCase {
  at: [CorpusFile, number, number?];
  text: string;
  documentYear: number | null;
  deadline: string | null;
  deadlineText: string;
  kind?: 'date' | 'ongoing';
  milestones?: { date: string; text: string }[];
}

/** A case on one line: where the corpus states it, the text, the document's year and what is read. */
function dated(
  at: DeadlineCase['at'],
  text: string,
  documentYear: number | null,
  deadline: string | null,
  deadlineText: string,
  kind?: 'date' | 'ongoing',
): DeadlineCase {
  return { at, text, documentYear, deadline, deadlineText, ...(kind ? { kind } : {}) };
}

function citesCorpus(c: { at: [CorpusFile, number, number?]; text: string }): void {
  expect(compact(corpusSpan(c.at[0], c.at[1], c.at[2]))).toContain(compact(c.text));
}

const IN_TEXT: DeadlineCase[] = [
  dated(
    ['000', 67],
    '2018年7月1日前修订出台全国和自由贸易试验区外商投资准入特别管理措施',
    2018,
    '2018-07-01',
    '2018年7月1日前',
  ),
  dated(['000', 33], '2018年，制定出台外国人在中国工作管理条例', 2017, '2018-12-31', '2018年'),
  dated(['000', 34], '2017年下半年，制定出台外国人才签证实施细则', 2017, '2017-12-31', '2017年下半年'),
  dated(['000', 209], '实施监管信息常态化披露，年内取得重点突破。', 2017, '2017-12-31', '年内'),
  dated(['003', 381, 382], '年内各统筹地区要出台具体实施方案', 2016, '2016-12-31', '年内'),
  dated(['000', 1052], '三级医院要在2020年前实现院内医疗服务信息互通共享', 2018, '2020-12-31', '在2020年前'),
  dated(['001', 36422], '1．到2018年末，市场驱动的良性发展环境基本形成', 2017, '2018-12-31', '到2018年末'),
  dated(['001', 32401], '2019年12月前，进一步扩大工业APP应用规模', 2018, '2019-12-31', '2019年12月前'),
  dated(['001', 37407], '2019年底前建成全国统一的电子发票公共服务平台', 2019, '2019-12-31', '2019年底前'),
  dated(
    ['003', 4187, 4189],
    '各部门要认真落实本意见提出的各项任务，于2015年底前研究出台具体政策。',
    2015,
    '2015-12-31',
    '于2015年底前',
  ),
  dated(['001', 22692], '2018 年底前建成国家政府数据统一开放平台', 2015, '2018-12-31', '2018 年底前'),
  dated(
    ['001', 14710],
    '并将检查结果于1999年3月31日前报信息产业部和国家计委',
    1999,
    '1999-03-31',
    '于1999年3月31日前',
  ),
  dated(['001', 38288], '到2023年，工业企业及设备上云数量比2020年翻一番', 2020, '2023-12-31', '到2023年'),
  dated(
    ['001', 37375, 37377],
    '力争 2019年上线运行全国一体化在线政务服务平台电子证照共享服务系统',
    2019,
    '2019-12-31',
    '力争 2019年',
  ),
  dated(
    ['000', 12],
    '持续推进专用车和新能源汽车制造、船舶设计、支线和通用飞机维修',
    2017,
    null,
    '持续推进',
    'ongoing',
  ),
];

const NOT_DEADLINES: {
  at: [CorpusFile, number, number?];
  text: string;
  documentYear: number | null;
  why: string;
}[] = [
  {
    at: ['000', 185],
    text: '可实行在五年内继续按原用途和土地权利类型使用土地',
    documentYear: 2017,
    why: 'a duration',
  },
  { at: ['000', 566], text: '在5年内保持土地原用途和权利类型不变', documentYear: 2018, why: 'a duration' },
  {
    at: ['001', 31190],
    text: '情节严重的三年内不予受理其软件企业认定申请',
    documentYear: 2013,
    why: 'a duration',
  },
  { at: ['001', 38288], text: '工业企业及设备上云数量比2020年翻一番', documentYear: 2020, why: 'a baseline' },
  { at: ['001', 30206], text: '较2015年增长超5倍', documentYear: 2021, why: 'a baseline' },
  {
    at: ['003', 1355],
    text: '全国电子商务物流发展专项规划（2016-2020年）',
    documentYear: 2016,
    why: 'a plan period',
  },
  {
    at: ['001', 10646],
    text: '基础电子元器件产业发展行动计划（2021—2023年）',
    documentYear: 2021,
    why: 'a plan period',
  },
  {
    at: ['001', 49080, 49082],
    text: '自2013年起我国成为全球第一大工业机器人应用市场',
    documentYear: 2016,
    why: 'a start date',
  },
  { at: ['001', 6543], text: '本通知自2015年1月1日起执行。', documentYear: 2016, why: 'a start date' },
  { at: ['001', 7414], text: '本公告自2020年1月1日起实施', documentYear: 2021, why: 'a start date' },
  {
    at: ['003', 5572, 5574],
    text: '截至2013年底，全国铁路营业里程10.3万公里',
    documentYear: 2014,
    why: 'a past period',
  },
  {
    at: ['001', 417],
    text: '“十三五”时期，我国深入实施数字经济发展战略',
    documentYear: 2021,
    why: 'a plan period without a date',
  },
  {
    at: ['001', 41783, 41784],
    text: '编制《2022年中国工业互联网产业发展报告》',
    documentYear: 2022,
    why: 'a book title',
  },
  {
    at: ['003', 6855, 6857],
    text: '在23日闭幕的2015年中国发展高层论坛上',
    documentYear: 2016,
    why: 'a year inside a noun phrase',
  },
  {
    at: ['003', 6892],
    text: '那么，过去20年中，互联网是如何逐步发展',
    documentYear: 2016,
    why: '20年中 is a duration',
  },
  {
    at: ['003', 1321],
    text: '（此件公开发布） 2016 年 4 月 15',
    documentYear: 2016,
    why: 'a signature date cut short',
  },
  {
    at: ['001', 37838],
    text: '可在 5 年内保持土地原用途和权利类型不变',
    documentYear: 2018,
    why: 'a spaced duration',
  },
  { at: ['003', 6894], text: '第一个 10 年中，互联网催生', documentYear: 2016, why: 'a spaced duration' },
  {
    at: ['001', 27750],
    text: '2012 年 3 月推出“大数据研究与发展倡议”',
    documentYear: null,
    why: 'an event, even without a document year',
  },
  { at: ['000', 82], text: '申请5—10年有效、多次入境', documentYear: 2018, why: 'a validity range' },
  { at: ['000', 82], text: '可在2个工作日内获发签证', documentYear: 2018, why: 'a duration in working days' },
];

const CELLS: DeadlineCase[] = [
  dated(['003', 884], '2016 年 6 月底前完成', 2016, '2016-06-30', '2016 年 6 月底前'),
  dated(['003', 4597, 4601], '2015 年上半年启动', 2015, '2015-06-30', '2015 年上半年'),
  dated(['003', 4643, 4645], '2015 年 3 月实施', 2015, '2015-03-31', '2015 年 3 月'),
  dated(['003', 4627], '持续实施', 2015, null, '持续实施', 'ongoing'),
  {
    ...dated(
      ['001', 24353, 24357],
      '2015年广泛开展试点，2017年 12月底前完成',
      2015,
      '2017-12-31',
      '2017年 12月底前',
    ),
    milestones: [{ date: '2015-12-31', text: '2015年广泛开展试点' }],
  },
  dated(['001', 24530, 24532], '分年度推进实施，2020年前基本建成', 2015, '2020-12-31', '2020年前'),
  dated(
    ['001', 24613, 24619],
    '2017 年 12 月底前出台（涉及法律、行政法规的，按照立法程序推进）',
    2015,
    '2017-12-31',
    '2017 年 12 月底前',
  ),
  dated(
    ['001', 38139],
    '时间节点：到 2023年，打造 50个企业内网改造建设标杆',
    2020,
    '2023-12-31',
    '到 2023年',
  ),
  dated(['001', 18682, 18684], '2021年 12月底前完成', 2021, '2021-12-31', '2021年 12月底前'),
];

describe('findDeadline', () => {
  it.each(IN_TEXT)('$at.0 L$at.1: reads $deadlineText in "$text"', (c) => {
    citesCorpus(c);
    expect(findDeadline(c.text, { documentYear: c.documentYear })).toEqual({
      deadline: c.deadline,
      deadlineText: c.deadlineText,
      deadlineKind: c.kind ?? 'date',
    });
  });

  it.each(NOT_DEADLINES)('$at.0 L$at.1: finds no deadline in "$text" ($why)', (c) => {
    citesCorpus(c);
    expect(findDeadline(c.text, { documentYear: c.documentYear })).toBeNull();
  });

  it('takes the completion (latest) date, keeps earlier steps as milestones, prefers a date over ongoing', () => {
    expect(findDeadline('持续推进改革，2018年底前完成', { documentYear: 2017 })?.deadline).toBe('2018-12-31');
    const steps = findDeadline('2016年6月底前完成，2017年底前推广', { documentYear: 2016 });
    expect(steps?.deadline).toBe('2017-12-31');
    expect(steps?.milestones).toEqual([{ date: '2016-06-30', text: '2016年6月底前完成' }]);
    const issue = findDeadline('2016年底前取得阶段性成果，2018年底前全面完成', { documentYear: 2016 });
    expect(issue?.deadline).toBe('2018-12-31');
    expect(issue?.milestones).toEqual([{ date: '2016-12-31', text: '2016年底前取得阶段性成果' }]);
  });

  it('ends a window at its last day', () => {
    expect(findDeadline('2019年1月1日至12月31日开展专项整治', { documentYear: 2019 })?.deadline).toBe(
      '2019-12-31',
    );
    expect(findDeadline('2021年3月至6月集中排查', { documentYear: 2021 })?.deadline).toBe('2021-06-30');
    expect(findDeadline('2020年11月1日至2021年1月31日', { documentYear: 2020 })?.deadline).toBe('2021-01-31');
  });

  it('reads recurring duties with their period', () => {
    const y = { documentYear: 2021 };
    // 001 L16835: a recurring report time, not a date.
    expect(findDeadline('每年年底前报送', y)).toMatchObject({
      deadline: null,
      deadlineKind: 'recurring',
      period: 'year',
    });
    expect(findDeadline('每季度报送工作进展', y)).toMatchObject({
      deadlineKind: 'recurring',
      period: 'quarter',
    });
    expect(findDeadline('每月调度一次', y)).toMatchObject({ deadlineKind: 'recurring', period: 'month' });
    expect(findDeadline('每半年通报一次', y)).toMatchObject({
      deadlineKind: 'recurring',
      period: 'half-year',
    });
    expect(findDeadline('每年开展一次评估，2023年底前全面完成', y)).toMatchObject({
      deadline: '2023-12-31',
      deadlineKind: 'date',
    });
    expect(parseDeadlineCell('长期', y)).toMatchObject({ deadline: null, deadlineKind: 'ongoing' });
    expect(parseDeadlineCell('常态工作', y)).toMatchObject({ deadline: null, deadlineKind: 'ongoing' });
    // A cell window `2016—2017 年底前` ends at its last year; a bare plan period in a cell is no deadline.
    expect(parseDeadlineCell('2016—2017 年底前', { documentYear: 2016 })).toMatchObject({
      deadline: '2017-12-31',
      deadlineKind: 'date',
    });
    expect(parseDeadlineCell('2016-2018年底前', { documentYear: 2016 })).toMatchObject({
      deadline: '2018-12-31',
    });
    // A cell that drops 月 before 底前 still names the month's end.
    expect(parseDeadlineCell('2016 年 6 底前', { documentYear: 2016 })).toMatchObject({
      deadline: '2016-06-30',
    });
    expect(findDeadline('每年的工作', y)).toBeNull();
  });

  it('reads the end of each stated period', () => {
    const year = { documentYear: 2017 };
    expect(findDeadline('年底前完成', year)?.deadline).toBe('2017-12-31');
    expect(findDeadline('年中完成', year)?.deadline).toBe('2017-06-30');
    expect(findDeadline('上半年出台', year)?.deadline).toBe('2017-06-30');
    expect(findDeadline('2018年第三季度前', year)?.deadline).toBe('2018-09-30');
    expect(findDeadline('2018年2月底前', year)?.deadline).toBe('2018-02-28');
    expect(findDeadline('2020年2月底前', year)?.deadline).toBe('2020-02-29');
    expect(findDeadline('2020年之前', year)?.deadline).toBe('2020-12-31');
    expect(findDeadline('二〇一八年底前', year)?.deadline).toBe('2018-12-31');
  });

  it('returns 年内 without a document year as an undated phrase', () => {
    expect(findDeadline('年内取得重点突破', { documentYear: null })).toEqual({
      deadline: null,
      deadlineText: '年内',
      deadlineKind: 'date',
    });
  });

  it('ignores a signature date at the end of a measure', () => {
    expect(
      findDeadline('各地区、各部门要抓紧落实。\n国务院\n2017年8月8日', { documentYear: 2017 }),
    ).toBeNull();
  });

  it('reads a bare year inside a noun phrase literally only in a work-plan row (001-082, gold README)', () => {
    const text = '组织召开 2022 年工业互联网大会、全球工';
    expect(corpusSpan('001', 41356)).toContain(text);
    expect(findDeadline(text, { documentYear: 2022 })).toBeNull();
    expect(findDeadline(text, { documentYear: 2022, planRow: true })).toEqual({
      deadline: '2022-12-31',
      deadlineText: '2022 年',
      deadlineKind: 'date',
    });
    // Titles, baselines and ranges stay excluded in rows too.
    expect(
      findDeadline('编制《2022年中国工业互联网产业发展报告》', { documentYear: 2022, planRow: true }),
    ).toBeNull();
    expect(findDeadline('比2021年增长10%', { documentYear: 2022, planRow: true })).toBeNull();
    expect(findDeadline('2021-2023年行动计划', { documentYear: 2022, planRow: true })).toBeNull();
  });

  it('reads only 持续实施/长期坚持/持续推进 as ongoing, not 持续开展 (001-078 L38841, gold README)', () => {
    expect(
      findDeadline('持续推进电力行业网络安全仿真验证环境建设', { documentYear: 2022 })?.deadlineKind,
    ).toBe('ongoing');
    expect(findDeadline('持续开展工业互联网安全深度行活动', { documentYear: 2022 })).toBeNull();
  });

  it('returns null when nothing is stated', () => {
    expect(findDeadline('加强组织领导。', { documentYear: 2017 })).toBeNull();
  });
});

describe('parseDeadlineCell', () => {
  it.each(CELLS)(`$at.0 L$at.1: reads $deadlineText in the cell "$text"`, (c) => {
    citesCorpus(c);
    expect(parseDeadlineCell(c.text, { documentYear: c.documentYear })).toEqual({
      deadline: c.deadline,
      deadlineText: c.deadlineText,
      deadlineKind: c.kind ?? 'date',
      ...(c.milestones ? { milestones: c.milestones } : {}),
    });
  });

  it('returns null for a cell without any time', () => {
    expect(parseDeadlineCell('商务部牵头', { documentYear: 2015 })).toBeNull();
  });
});
