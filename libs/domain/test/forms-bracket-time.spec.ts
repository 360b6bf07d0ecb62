// A time clause written inside a responsibility bracket, beside its parties — common in provincial, municipal and
// county 分工方案 (（A牵头，B配合，2024年6月底前完成）). Synthetic documents written for these tests.
import { describe, expect, it } from 'vitest';

import type { ExtractedMeasure } from '../src/index';
import { findDeadline, parseDeadlineCell } from '../src/index';
import { extractOne } from '../src/extractor/forms.testing';

function roles(m: ExtractedMeasure | undefined) {
  return m
    ? {
        lead: m.lead,
        participants: m.participants,
        deadline: m.deadline,
        kind: m.deadlineKind,
      }
    : null;
}

const COUNTY =
  '松源县人民政府办公室关于印发松源县2025年营商环境提升行动方案的通知\n松政办发〔2025〕4号\n一、提升审批效率\n';

function item(bracket: string): ExtractedMeasure | undefined {
  const doc = extractOne(`${COUNTY}（一）推行证照联办。梳理高频事项清单，实现一表申请。${bracket}\n`);
  expect(doc.measures).toHaveLength(1);
  return doc.measures[0];
}

describe('time clauses inside a responsibility bracket', () => {
  it.each([
    [
      '（县数据局牵头，县公安局、县税务局配合，2025年9月底前完成）',
      { lead: ['县数据局'], participants: ['县公安局', '县税务局'], deadline: '2025-09-30', kind: 'date' },
    ],
    [
      '（县数据局、县司法局按职责分工负责，2025年底前）',
      { lead: ['县数据局', '县司法局'], participants: [], deadline: '2025-12-31', kind: 'date' },
    ],
    [
      '（县数据局牵头，各乡镇人民政府落实；长期坚持）',
      { lead: ['县数据局'], participants: ['各乡镇人民政府'], deadline: null, kind: 'ongoing' },
    ],
    [
      '（2025年6月底前，县数据局牵头，县人社局参与）',
      { lead: ['县数据局'], participants: ['县人社局'], deadline: '2025-06-30', kind: 'date' },
    ],
    [
      '（责任单位：县数据局、县市场监管局，力争2025年10月底前完成）',
      { lead: ['县数据局', '县市场监管局'], participants: [], deadline: '2025-10-31', kind: 'date' },
    ],
    [
      '（牵头单位：县数据局，配合单位：县财政局，2025年11月）',
      { lead: ['县数据局'], participants: ['县财政局'], deadline: '2025-11-30', kind: 'date' },
    ],
    [
      '（县执法大队牵头，各乡镇配合，全年）',
      { lead: ['县执法大队'], participants: ['各乡镇'], deadline: null, kind: null },
    ],
    [
      '（县数据局分别负责，年内持续推进）',
      { lead: ['县数据局'], participants: [], deadline: '2025-12-31', kind: 'date' },
    ],
    // An ongoing duty written with its verb (持续推进 = 持续 + 推进) and a reporting rhythm beside the parties.
    [
      '（县司法局牵头，县市场监管局、县应急管理局配合，持续推进）',
      { lead: ['县司法局'], participants: ['县市场监管局', '县应急管理局'], deadline: null, kind: 'ongoing' },
    ],
    [
      '（县工信局、县财政局按职责分工负责，各乡镇人民政府落实；每季度报送进展）',
      { lead: ['县工信局', '县财政局'], participants: ['各乡镇人民政府'], deadline: null, kind: 'recurring' },
    ],
    // Dated steps beside the parties: the last is the deadline, the earlier ones milestones.
    [
      '（县数据局牵头，县人社局协助，2025年10月底前完成第一批，12月底前全面完成）',
      { lead: ['县数据局'], participants: ['县人社局'], deadline: '2025-12-31', kind: 'date' },
    ],
    [
      '（县数据局牵头，2025年6月底前启动，2025年12月底前完成）',
      { lead: ['县数据局'], participants: [], deadline: '2025-12-31', kind: 'date' },
    ],
    // The party answering for the whole (负总责) leads.
    [
      '（县数据局负总责，县人社局等配合）',
      { lead: ['县数据局'], participants: ['县人社局'], deadline: null, kind: null },
    ],
    // A part of the document's year in words.
    [
      '（县数据局牵头负责，各乡镇人民政府落实，三季度末前完成）',
      { lead: ['县数据局'], participants: ['各乡镇人民政府'], deadline: '2025-09-30', kind: 'date' },
    ],
    [
      '（县数据局牵头，上半年完成）',
      { lead: ['县数据局'], participants: [], deadline: '2025-06-30', kind: 'date' },
    ],
    [
      '（县数据局牵头，县人社局配合，2025年6月底前完成并长期坚持）',
      { lead: ['县数据局'], participants: ['县人社局'], deadline: '2025-06-30', kind: 'date' },
    ],
    [
      '（县数据局牵头，县人社局配合，每月底前上报工作情况）',
      { lead: ['县数据局'], participants: ['县人社局'], deadline: null, kind: 'recurring' },
    ],
  ])('reads %s as parties plus the deadline', (bracket, expected) => {
    expect(roles(item(bracket))).toEqual(expected);
  });

  it('still ignores a bracket holding only a year or a window', () => {
    const doc = extractOne(`${COUNTY}（一）推行证照联办（2025年）。梳理高频事项清单（2025—2026年）。\n`);
    expect(doc.measures).toHaveLength(0);
  });

  it('does not read a figure clause as a time: （县数据局负责，覆盖率达到90%） is no bracket annotation', () => {
    const doc = extractOne(
      `${COUNTY}（一）推行证照联办。梳理高频事项清单。（县数据局负责，覆盖率达到90%）\n`,
    );
    // Only the prose reading of the sentence may find the duty, never the bracket.
    expect(doc.measures.every((m) => m.basis === 'prose')).toBe(true);
  });
});

describe('an item ending in labelled fields with a date', () => {
  it('is an item, not the header of a compilation entry (N.Title（issuer/date）)', () => {
    const doc = extractOne(
      '杭州市生态环境局2024年工作要点\n一、深入打好污染防治攻坚战\n1.持续推进大气污染防治。（责任处室：大气环境处、监测处；完成时间：2024年12月）\n2.强化水污染防治。（责任处室：水生态环境处）\n',
    );
    expect(doc.title).toBe('杭州市生态环境局2024年工作要点');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['大气环境处', '监测处'], participants: [], deadline: '2024-12-31', kind: 'date' },
      { lead: ['水生态环境处'], participants: [], deadline: null, kind: null },
    ]);
  });
});

describe('deadline cells of local task tables', () => {
  it.each([
    ['2026—2028年', '2028-12-31'],
    ['2026年至2027年底', '2027-12-31'],
    ['2026.11', '2026-11-30'],
    ['2026.4.15', '2026-04-15'],
    ['2026/2', '2026-02-28'],
    ['10月', '2026-10-31'],
    ['12月份完成', '2026-12-31'],
    ['10月上旬', '2026-10-10'],
  ])('reads the cell %s as ending on %s', (cell, deadline) => {
    expect(parseDeadlineCell(cell, { documentYear: 2026 })?.deadline).toBe(deadline);
  });

  it('rejects impossible dotted dates and keeps a span of years in running text a plan period', () => {
    expect(parseDeadlineCell('2026.2.30', { documentYear: 2026 })).toBeNull();
    expect(parseDeadlineCell('2026.13', { documentYear: 2026 })).toBeNull();
    expect(findDeadline('实施2026—2028年行动计划', { documentYear: 2026 })).toBeNull();
    // A bare month is a deadline only in a cell: in running text it says when something happens.
    expect(findDeadline('10月召开推进会', { documentYear: 2026 })).toBeNull();
    expect(parseDeadlineCell('13月', { documentYear: 2026 })).toBeNull();
  });
});

describe('provincial bracket variants', () => {
  const PROVINCE = '山北省人民政府关于印发山北省2026年稳就业若干措施的通知\n山政发〔2026〕3号\n';

  it('reads parties before the only label (完成时限：) and 各市、州、县人民政府 as one party', () => {
    const doc = extractOne(
      `${PROVINCE}一、拓宽就业渠道\n（一）扩大基层岗位。（省委组织部、省人力资源社会保障厅按职责分工负责；完成时限：2026年底）\n（二）稳定农民工就业。（牵头部门：省农业农村厅；责任部门：各市、州、县人民政府）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['省委组织部', '省人力资源社会保障厅'],
        participants: [],
        deadline: '2026-12-31',
        kind: 'date',
      },
      { lead: ['省农业农村厅'], participants: ['各市、州、县人民政府'], deadline: null, kind: null },
    ]);
  });
});

describe('short role labels', () => {
  it('reads （牵头：A；配合：B）, （主责：A；协同：B） and 时限： like their long forms', () => {
    const doc = extractOne(
      `${COUNTY}（一）推行证照联办。（牵头：县数据局；配合：县市场监管局、县税务局）\n（二）压减审批时限。（主责：县行政审批局；协同：县住建局；时限：2025年8月底前）\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县数据局'], participants: ['县市场监管局', '县税务局'], deadline: null, kind: null },
      { lead: ['县行政审批局'], participants: ['县住建局'], deadline: '2025-08-31', kind: 'date' },
    ]);
  });
});
