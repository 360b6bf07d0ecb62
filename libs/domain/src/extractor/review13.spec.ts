// Review of the heldout-12 forms (review13): inputs where the new rules misread, pinned to their intended reading.
import { describe, expect, it } from 'vitest';

import { monthCell } from './deadline-cells';
import { extractOne, roles } from './forms.testing';

const notice = (body: string) => extractOne(`关于做好某项工作的通知\n各乡镇，县直各部门：\n${body}\n`);
const meeting = (body: string) => extractOne(`某县政府常务会议纪要\n会议听取了有关工作汇报。\n${body}\n`);

describe('负责 before 人才 / 人力资源 / 人居 stays a duty verb; X负责人 is a post of X', () => {
  it('reads `县人社局负责人力资源…`, `各乡镇负责人居环境…`, `县卫健局负责人员培训`', () => {
    expect(notice('一、明确分工。县人社局负责人力资源市场秩序整治。').measures.map(roles)).toEqual([
      { lead: ['县人社局'], participants: [], deadline: null },
    ]);
    expect(notice('一、压实责任。各乡镇负责人居环境整治的组织实施。').measures.map(roles)).toEqual([
      { lead: ['各乡镇'], participants: [], deadline: null },
    ]);
    expect(notice('二、加强培训。县卫健局负责人员培训和考核。').measures.map(roles)).toEqual([
      { lead: ['县卫健局'], participants: [], deadline: null },
    ]);
  });

  it('reads `各单位负责人要…` as the units', () => {
    expect(notice('一、加强领导。各单位负责人要亲自抓、负总责。').measures.map(roles)).toEqual([
      { lead: ['各单位'], participants: [], deadline: null },
    ]);
  });
});

describe('a group row printed once per column stays inside its table', () => {
  it('reads the rows under `一、教育	一、教育	…`', () => {
    const doc = extractOne(
      '2024年某区重点工作责任分解表\n序号\t工作任务\t责任单位\t完成时限\n一、教育\t一、教育\t一、教育\t一、教育\n1\t新建公办幼儿园2所\t区教体局\t2024年6月底\n二、卫生\t二、卫生\t二、卫生\t二、卫生\n2\t改造乡镇卫生院3所\t区卫健局\t2024年9月底\n',
    );
    expect(doc.measures.map(roles).filter((r) => r && r.lead.length > 0)).toEqual([
      { lead: ['区教体局'], participants: [], deadline: '2024-06-30' },
      { lead: ['区卫健局'], participants: [], deadline: '2024-09-30' },
    ]);
  });
});

describe('a window of months running into the next year', () => {
  it('gives no deadline in the document year for `11月—3月`', () => {
    expect(monthCell('11月—3月', 2024)).toBeNull();
    expect(monthCell('3-12月', 2024)?.deadline).toBe('2024-12-31');
  });
});

describe('collectives and supporting pairs', () => {
  it('keeps `各有关部门和责任单位` two parties in a notice, as in a meeting report', () => {
    expect(
      notice('一、按时报送。请各有关部门和责任单位于2024年3月9日前报送落实措施。').measures.map(roles),
    ).toEqual([{ lead: ['各有关部门', '责任单位'], participants: [], deadline: '2024-03-09' }]);
  });

  it('never makes the lead a participant of its own measure (`A和B要密切配合` with A leading)', () => {
    expect(
      notice(
        '一、加强协作。县交通局要牵头开展货车超限整治。县公安局和县交通局要密切配合，建立联合执法机制。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['县交通局', '县公安局'], participants: [], deadline: null }]);
  });

  it('reads no party in `部分部门对…` (a problem stated, not a sector department)', () => {
    expect(
      meeting(
        '会议指出，县市场监管局要加强日常监管，部分部门对同一企业重复检查的问题要坚决纠正。',
      ).measures.map(roles),
    ).toEqual([{ lead: ['县市场监管局'], participants: [], deadline: null }]);
  });
});

describe('a 相关单位 column beside a 责任单位 column', () => {
  it('reads the related units as participants, never co-leads', () => {
    const doc = extractOne(
      '2024年某县重点工作任务分解表\n序号\t工作任务\t责任单位\t相关单位\t完成时限\n1\t开展农村饮水安全巩固提升\t县水利局\t县财政局、县卫健局\t2024年12月底\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县水利局'], participants: ['县财政局', '县卫健局'], deadline: '2024-12-31' },
    ]);
  });
});

describe('openings in a sentence holding a character outside the BMP', () => {
  it('still reads the party after `一是` and after run-on reported speech', () => {
    expect(
      meeting('会议要求，一是各单位要认真学习新修订的条例，做好𬌗畲族乡宣传工作。').measures.map(roles),
    ).toEqual([{ lead: ['各单位'], participants: [], deadline: null }]);
    expect(meeting('李某要求各部门要准确把握形势，抓好𬌗畲族乡的工作。').measures.map(roles)).toEqual([
      { lead: ['各部门'], participants: [], deadline: null },
    ]);
  });
});
