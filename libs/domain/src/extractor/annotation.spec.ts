import { describe, expect, it } from 'vitest';
import { parseBracketAnnotation } from './annotation';
import { type Expected, full, shape } from './annotation-expected.testing';
import { compact, corpusSpan, type CorpusFile } from './annotation-corpus.testing';

interface Case {
  /** Corpus file and line range the fixture is cut from. */
  at: [CorpusFile, number, number?];
  inner: string;
  firstIsLead?: boolean;
  expected: Expected;
}

const name = (c: { at: [CorpusFile, number, number?]; inner: string }): string =>
  `${c.at[0]} L${c.at[1]}${c.at[2] ? `–${c.at[2]}` : ''}: （${c.inner}）`;

const ANNOTATIONS: Case[] = [
  // A1 plain list + 负责: no lead named, no rule → joint co-leads.
  {
    at: ['000', 11],
    inner: '国家发展改革委、商务部负责',
    expected: { lead: ['国家发展改革委', '商务部'], joint: true },
  },
  { at: ['000', 19], inner: '各省级人民政府负责', expected: { lead: ['各省级人民政府'], joint: true } },
  // A2 按职责分工负责 family.
  {
    at: ['000', 15],
    inner: '财政部、税务总局按职责分工负责',
    expected: { lead: ['财政部', '税务总局'], joint: true },
  },
  { at: ['001', 37236], inner: '各相关部门按职责分别负责', expected: { lead: ['各相关部门'], joint: true } },
  {
    at: ['003', 4181, 4185],
    inner:
      '发展改革委、财政部、商务部、人民银行、海关总署、税务总局、工商总局、质检总局等部门按照职责分工分别负责',
    expected: {
      lead: ['发展改革委', '财政部', '商务部', '人民银行', '海关总署', '税务总局', '工商总局', '质检总局'],
      joint: true,
      openList: true,
    },
  },
  {
    at: ['001', 26814, 26816],
    inner: '中央网信办、发展改革委牵头，各地区、各部门按职能分工负责',
    expected: { lead: ['中央网信办', '发展改革委'], participants: ['各地区', '各部门'], joint: false },
  },
  // A3 lead + others.
  {
    at: ['000', 67],
    inner: '发展改革委、商务部牵头，各有关部门、各省级人民政府按职责分工负责',
    expected: {
      lead: ['发展改革委', '商务部'],
      participants: ['各有关部门', '各省级人民政府'],
      joint: false,
    },
  },
  {
    at: ['000', 86],
    inner: '商务部牵头，国务院自由贸易试验区工作部际联席会议成员单位按职责分工负责',
    expected: {
      lead: ['商务部'],
      participants: ['国务院自由贸易试验区工作部际联席会议成员单位'],
      joint: false,
    },
  },
  {
    at: ['001', 26735],
    inner: '工业和信息化部牵头，各地区负责',
    expected: { lead: ['工业和信息化部'], participants: ['各地区'], joint: false },
  },
  // A4 负责 + 参与, with and without the first-is-lead rule.
  {
    at: ['003', 68, 72],
    inner:
      '卫生计生委、财政部负责，中央编办、发展改革委、人力资源社会保障部、中医药局参与。排在第一位的部门为牵头部门，下同',
    expected: {
      lead: ['卫生计生委'],
      participants: ['财政部', '中央编办', '发展改革委', '人力资源社会保障部', '中医药局'],
      joint: false,
      declaresFirstIsLead: true,
    },
  },
  {
    at: ['003', 91, 95],
    inner:
      '卫生计生委、财政部、国资委、中央军委后勤保障部卫生局分别负责，中央编办、发展改革委、人力资源社会保障部、中医药局参与',
    firstIsLead: true,
    expected: {
      lead: ['卫生计生委'],
      participants: [
        '财政部',
        '国资委',
        '中央军委后勤保障部卫生局',
        '中央编办',
        '发展改革委',
        '人力资源社会保障部',
        '中医药局',
      ],
      joint: false,
    },
  },
  {
    at: ['003', 543, 545],
    inner: '食品药品监管总局、商务部分别负责，人力资源社会保障部、卫生计生委、工业和信息化部参与',
    expected: {
      lead: ['食品药品监管总局', '商务部'],
      participants: ['人力资源社会保障部', '卫生计生委', '工业和信息化部'],
      joint: false,
    },
  },
  {
    at: ['003', 375],
    inner: '人力资源社会保障部、卫生计生委、财政部分别负责',
    firstIsLead: true,
    expected: { lead: ['人力资源社会保障部'], participants: ['卫生计生委', '财政部'], joint: false },
  },
  // A5 牵头 without 负责, 共同牵头, 牵头负责, 按职责分工牵头负责.
  {
    at: ['003', 3207, 3209],
    inner: '知识产权局牵头',
    firstIsLead: true,
    expected: { lead: ['知识产权局'], joint: false },
  },
  { at: ['004', 1300], inner: '发展改革委牵头', expected: { lead: ['发展改革委'], joint: false } },
  {
    at: ['003', 2365, 2367],
    inner: '工业和信息化部、发展改革委、科技部共同牵头',
    firstIsLead: true,
    expected: { lead: ['工业和信息化部', '发展改革委', '科技部'], joint: false },
  },
  {
    at: ['000', 149],
    inner: '新闻出版广电总局牵头负责',
    expected: { lead: ['新闻出版广电总局'], joint: false },
  },
  {
    at: ['000', 155],
    inner: '国家卫生计生委、国家中医药局牵头负责',
    expected: { lead: ['国家卫生计生委', '国家中医药局'], joint: false },
  },
  {
    at: ['000', 159],
    inner: '证监会、人民银行按职责分工牵头负责',
    expected: { lead: ['证监会', '人民银行'], joint: false },
  },
  // A6 会同.
  {
    at: ['000', 153],
    inner: '公安部牵头会同文化部、新闻出版广电总局、体育总局负责',
    expected: { lead: ['公安部'], participants: ['文化部', '新闻出版广电总局', '体育总局'], joint: false },
  },
  {
    at: ['000', 139],
    inner:
      '教育部、民政部、文化部、国家卫生计生委、新闻出版广电总局、体育总局、国家文物局、国家中医药局分别牵头会同公安部、国土资源部、环境保护部、住房城乡建设部等部门负责',
    expected: {
      lead: [
        '教育部',
        '民政部',
        '文化部',
        '国家卫生计生委',
        '新闻出版广电总局',
        '体育总局',
        '国家文物局',
        '国家中医药局',
      ],
      participants: ['公安部', '国土资源部', '环境保护部', '住房城乡建设部'],
      joint: false,
      openList: true,
    },
  },
  {
    at: ['000', 558],
    inner: '商务部、国家邮政局会同相关部门负责',
    expected: { lead: ['商务部', '国家邮政局'], participants: ['相关部门'], joint: false, openList: true },
  },
  // A7 等 / 等有关部门 / 等部门以及.
  {
    at: ['000', 464],
    inner: '农业部、商务部等负责',
    expected: { lead: ['农业部', '商务部'], joint: true, openList: true },
  },
  {
    at: ['000', 40],
    inner: '国家发展改革委、财政部、商务部等有关部门、各省级人民政府按职责分工负责',
    expected: { lead: ['国家发展改革委', '财政部', '商务部', '各省级人民政府'], joint: true, openList: true },
  },
  {
    at: ['000', 175],
    inner:
      '科技部、民政部、文化部、国家卫生计生委、新闻出版广电总局、证监会、体育总局等部门以及各省级人民政府按职责分工负责',
    expected: {
      lead: [
        '科技部',
        '民政部',
        '文化部',
        '国家卫生计生委',
        '新闻出版广电总局',
        '证监会',
        '体育总局',
        '各省级人民政府',
      ],
      joint: true,
      openList: true,
    },
  },
  // A8 two verb groups.
  {
    at: ['000', 43],
    inner: '商务部、海关总署、工商总局、质检总局、国家外汇局等有关部门负责，各地方人民政府按职责分工负责',
    expected: {
      lead: ['商务部', '海关总署', '工商总局', '质检总局', '国家外汇局', '各地方人民政府'],
      joint: true,
      openList: true,
    },
  },
  {
    at: ['003', 3586, 3588],
    inner: '国务院审改办，有关部门按职责分工分别负责',
    expected: { lead: ['国务院审改办', '有关部门'], joint: true },
  },
  // A9 generic and local parties.
  {
    at: ['003', 875, 877],
    inner: '卫生计生委、中央宣传部、科技部、各省〔区、市〕人民政府负责',
    firstIsLead: true,
    expected: {
      lead: ['卫生计生委'],
      participants: ['中央宣传部', '科技部', '各省〔区、市〕人民政府'],
      joint: false,
    },
  },
  {
    at: ['003', 762, 764],
    inner: '卫生计生委、中医药局、试点省〔市〕人民政府负责',
    expected: { lead: ['卫生计生委', '中医药局', '试点省〔市〕人民政府'], joint: true },
  },
  {
    at: ['003', 3469],
    inner: '各部门、各地方政府负责',
    expected: { lead: ['各部门', '各地方政府'], joint: true },
  },
  { at: ['001', 26849], inner: '各地区、各部门负责', expected: { lead: ['各地区', '各部门'], joint: true } },
  {
    at: ['000', 38],
    inner: '有关部门和各省级人民政府按职责分工负责',
    expected: { lead: ['有关部门', '各省级人民政府'], joint: true },
  },
  {
    at: ['001', 37267, 37269],
    inner: '发展改革委、中央网信办、工业和信息化部、市场监管总局、公安部等相关部门及各地区按职责分别负责',
    expected: {
      lead: ['发展改革委', '中央网信办', '工业和信息化部', '市场监管总局', '公安部', '各地区'],
      joint: true,
      openList: true,
    },
  },
  // A10 bare lists (lexicon only).
  {
    at: ['003', 3590, 3592],
    inner: '工商总局、中央编办',
    expected: { lead: ['工商总局', '中央编办'], joint: true },
  },
  { at: ['003', 3596], inner: '省级人民政府', expected: { lead: ['省级人民政府'], joint: true } },
  { at: ['003', 3598], inner: '邮政局', expected: { lead: ['邮政局'], joint: true } },
  {
    at: ['003', 973, 975],
    inner: '商务部、国家发展改革委、新闻出版广电总局，地方各级人民政府',
    expected: { lead: ['商务部', '国家发展改革委', '新闻出版广电总局', '地方各级人民政府'], joint: true },
  },
  // B1 conventions, D1 ASCII punctuation and mixed brackets.
  {
    at: ['000', 1000],
    inner: '国家卫生健康委员会、国家发展改革委负责。排在第一位的部门为牵头部门，下同',
    expected: {
      lead: ['国家卫生健康委员会'],
      participants: ['国家发展改革委'],
      joint: false,
      declaresFirstIsLead: true,
    },
  },
  // The same declaration in 003 and, with ASCII commas, in 002: one reading.
  ...(
    [
      [
        ['003', 2298, 2302],
        '发展改革委、科技部、工业和信息化部、人力资源社会保障部、商务部等负责，列第一位者为牵头部门，下同',
      ],
      [
        ['002', 45],
        '发展改革委、科技部、工业和信息化部、人力资源社会保障部、商务部等负责,列第一位者为牵头部门,下同',
      ],
    ] as const
  ).map(([at, inner]): Case => ({
    at: [...at],
    inner,
    expected: {
      lead: ['发展改革委'],
      participants: ['科技部', '工业和信息化部', '人力资源社会保障部', '商务部'],
      joint: false,
      openList: true,
      declaresFirstIsLead: true,
    },
  })),
  {
    at: ['004', 1294],
    inner: '人民银行、发展改革委、银监会、证监会、保监会、网信办、开发银行等负责',
    firstIsLead: true,
    expected: {
      lead: ['人民银行'],
      participants: ['发展改革委', '银监会', '证监会', '保监会', '网信办', '开发银行'],
      joint: false,
      openList: true,
    },
  },
  {
    at: ['002', 127],
    inner:
      '发展改革委、商务部、工业和信 息化部、交通运输部、农业部、海关总署、税务总局、 质检总局、网信办等负责',
    expected: {
      lead: [
        '发展改革委',
        '商务部',
        '工业和信息化部',
        '交通运输部',
        '农业部',
        '海关总署',
        '税务总局',
        '质检总局',
        '网信办',
      ],
      joint: true,
      openList: true,
    },
  },
];

const LOOKALIKES: { at: [CorpusFile, number, number?]; inner: string }[] = [
  { at: ['000', 17], inner: '包括跨国公司地区总部' },
  { at: ['000', 67], inner: '负面清单' },
  { at: ['000', 870], inner: '以下简称咨询委员会' },
  { at: ['003', 111, 113], inner: '中药饮片除外' },
  { at: ['003', 17], inner: '此件公开发布' },
  { at: ['001', 30958], inner: '以下统称省级主管部门' },
  { at: ['001', 20], inner: '节选' },
  { at: ['004', 189], inner: '试行' },
  { at: ['000', 21], inner: '含经济技术开发区、高新技术产业开发区、海关特殊监管区域等，下同' },
  { at: ['001', 6555], inner: '局' },
  { at: ['004', 109], inner: '学会' },
  { at: ['001', 6604], inner: '由地方发展改革委确定接受单位' },
  { at: ['001', 4684], inner: '发改委等部门/2017年1月25日' },
  { at: ['001', 13692, 13694], inner: '部分城市' },
  { at: ['001', 26031, 26033], inner: '大数据产业主管部门' },
];

describe('parseBracketAnnotation', () => {
  describe.each(ANNOTATIONS)('$inner', (c) => {
    it(`parses ${name(c)}`, () => {
      expect(compact(corpusSpan(c.at[0], c.at[1], c.at[2]))).toContain(compact(c.inner));
      expect(shape(parseBracketAnnotation(c.inner, { firstIsLead: c.firstIsLead ?? false }))).toEqual(
        full(c.expected),
      );
    });
  });

  it.each(LOOKALIKES)('rejects the look-alike $inner', (c) => {
    expect(compact(corpusSpan(c.at[0], c.at[1], c.at[2]))).toContain(compact(c.inner));
    expect(parseBracketAnnotation(compact(c.inner), { firstIsLead: false })).toBeNull();
    expect(parseBracketAnnotation(compact(c.inner), { firstIsLead: true })).toBeNull();
  });

  it('does not take 下同 alone as the lead convention', () => {
    const parsed = parseBracketAnnotation('商务部、财政部负责，下同', { firstIsLead: false });
    expect(parsed?.declaresFirstIsLead ?? false).toBe(false);
  });

  it('rejects a bare list holding one unknown name (信管局 is a bureau, not a party)', () => {
    expect(parseBracketAnnotation('信管局', { firstIsLead: false })).toBeNull();
    expect(parseBracketAnnotation('商务部、信管局', { firstIsLead: false })).toBeNull();
  });

  it('keeps an unknown but well-formed unit when a verb marks the annotation', () => {
    expect(shape(parseBracketAnnotation('商务部、国家数据资源管理局负责', { firstIsLead: false }))).toEqual(
      full({
        lead: ['商务部', '国家数据资源管理局'],
        joint: true,
      }),
    );
  });

  it('splits a conjunction only between two parties, never inside a name', () => {
    expect(
      shape(
        parseBracketAnnotation('人力资源和社会保障部、住房和城乡建设部和各省级人民政府负责', {
          firstIsLead: false,
        }),
      ),
    ).toEqual(
      full({
        lead: ['人力资源和社会保障部', '住房和城乡建设部', '各省级人民政府'],
        joint: true,
      }),
    );
  });

  it('keeps each 〔区、市〕 qualifier whole in a bare list', () => {
    expect(shape(parseBracketAnnotation('各省〔区、市〕人民政府、各部门', { firstIsLead: false }))).toEqual(
      full({
        lead: ['各省〔区、市〕人民政府', '各部门'],
        joint: true,
      }),
    );
  });

  it('accepts ASCII input untouched by the caller', () => {
    expect(shape(parseBracketAnnotation('商务部牵头, 发展改革委参与', { firstIsLead: false }))).toEqual(
      full({
        lead: ['商务部'],
        participants: ['发展改革委'],
        joint: false,
      }),
    );
  });
});
