// Forms of local 责任分解 notices read since the 2026-12-03 county notices (dev hyq/ja/bs/wc-2019…): one synthetic
// document per form, written for these tests (not copied from any labelled document).
import { describe, expect, it } from 'vitest';

import type { ExtractedDocument, ExtractedMeasure } from '../src/index';
import { extractText } from '../src/index';

function extractOne(text: string): ExtractedDocument {
  const doc = extractText(text, 'form.txt').documents[0];
  if (!doc) throw new Error('no document');
  return doc;
}

function roles(m: ExtractedMeasure | undefined) {
  return m ? { lead: m.lead, participants: m.participants, deadline: m.deadline } : null;
}

const HEAD =
  '某县人民政府办公室关于印发2024年县政府重点工作任务分解的通知\n县政办发〔2024〕3号\n各乡镇人民政府，县政府各部门：\n';
const BREAKDOWN =
  '2024年县政府重点工作任务分解\n1.推进重点项目建设。（牵头单位：县发改局；责任单位：县财政局）\n';

function noticeMeasure(notice: string): ExtractedMeasure | undefined {
  const doc = extractOne(`${HEAD}${notice}\n${BREAKDOWN}`);
  return doc.measures.find((m) => m.line === 4);
}

describe('page titles opening on their 文号', () => {
  it('reads the 文号 before a dash or in brackets at the head of the title', () => {
    const dashed = extractOne(
      '县政办〔2024〕3号—县人民政府办公室关于印发重点工作任务的通知\n各乡镇人民政府：\n',
    );
    const bracketed = extractOne(
      '（县政办〔2024〕3号）县人民政府办公室关于印发重点工作任务的通知\n各乡镇人民政府：\n',
    );
    expect([dashed.docNumber, bracketed.docNumber]).toEqual(['县政办〔2024〕3号', '县政办〔2024〕3号']);
  });
});

describe('notice duties', () => {
  it('takes in the role collective a duty holder must keep in touch with (加强与牵头单位沟通联系)', () => {
    const m = noticeMeasure(
      '各乡镇、各部门要切实履行职责。由多个单位共同落实的工作，各责任单位要加强与牵头单位沟通联系，及时报送进展情况。',
    );
    expect(roles(m)).toEqual({
      lead: ['各乡镇', '各部门', '各责任单位'],
      participants: ['牵头单位'],
      deadline: null,
    });
  });

  it('reads the parties asked after the covering clauses (…印发给你们，请A、B按照分工…)', () => {
    const m = noticeMeasure(
      '经县政府同意，现将《分解方案》印发给你们，请各牵头单位、责任单位按照职责分工，细化目标任务，抓好落实。',
    );
    expect(roles(m)).toEqual({ lead: ['各牵头单位', '责任单位'], participants: [], deadline: null });
  });

  it('leaves a bare covering request (请各单位认真贯彻执行) without a measure', () => {
    expect(noticeMeasure('现将《分解方案》印发给你们，请各单位认真贯彻执行。')).toBeUndefined();
  });

  it('reads 责任单位则… as a duty and a department whose duty is to support (全力配合) as a participant', () => {
    const m = noticeMeasure(
      '牵头单位负责统筹协调；责任单位则立足自身职能，分工负责、推进落实。相关部门要加强沟通，全力配合、协同推进。',
    );
    expect(roles(m)).toEqual({ lead: ['牵头单位', '责任单位'], participants: ['相关部门'], deadline: null });
  });

  it('reads three subjects joined by 、 and 和, a 园区 among them', () => {
    const m = noticeMeasure('各委办局、各街镇和工业园区要进一步细化分解各自全年工作目标任务。');
    expect(roles(m)).toEqual({ lead: ['各委办局', '各街镇', '工业园区'], participants: [], deadline: null });
  });

  it('keeps 各协作和配合单位 as one supporting party', () => {
    const m = noticeMeasure('各牵头单位要加强组织协调。各协作和配合单位要积极配合。');
    expect(roles(m)).toEqual({ lead: ['各牵头单位'], participants: ['各协作和配合单位'], deadline: null });
  });

  it('drops a relative clause before a role collective (承担…的责任单位要…)', () => {
    const m = noticeMeasure('承担重点任务的责任单位要于2024年3月31日前报送工作方案。');
    expect(roles(m)).toEqual({ lead: ['责任单位'], participants: [], deadline: '2024-03-31' });
  });

  it('reads a subject singled out after a comma (特别是牵头单位，要…统筹相关责任单位…)', () => {
    const m = noticeMeasure(
      '各责任单位要制订工作方案。特别是牵头单位，要强化责任担当，统筹相关责任单位科学制订工作方案。',
    );
    expect(roles(m)).toEqual({
      lead: ['各责任单位', '牵头单位'],
      participants: ['相关责任单位'],
      deadline: null,
    });
  });

  it('reads 各X and X of one paragraph as one body', () => {
    const m = noticeMeasure(
      '各主要责任单位要制定实施方案。各项工作任务的主要责任单位要于2024年3月15日前将方案报县政府督查室备案。',
    );
    expect(roles(m)).toEqual({ lead: ['各主要责任单位'], participants: [], deadline: '2024-03-15' });
  });
});

describe('prose duties of an organisation section', () => {
  it('reads 各乡（镇）要… as the townships, the alternative in brackets dropped', () => {
    const doc = extractOne(
      '某县河长制实施方案\n一、职责分工\n（一）组织协调。县水利局负责拟订管理制度。各乡（镇）要建立相应的工作协调机制，负责组织推进本行政区域内的实施工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县水利局', '各乡'], participants: [], deadline: null },
    ]);
  });
});

describe('a notice deadline covering its annexed problem list', () => {
  it('gives each annexed item without a date of its own the deadline stated once in the notice', () => {
    const doc = extractOne(
      '某市东城区人民政府督查室关于卫生整治检查情况的整改通知\n东城政督字〔2021〕3号\n甲街道办事处、区城管局：\n' +
        '6月2日，区政府组织检查，请各相关单位对存在的问题立即整改，并于6月10日前将问题整改完成，整改情况报区政府督查室。\n' +
        '附件：问题清单\n某区人民政府督查室\n2021年6月2日\n附件：\n问题清单：\n' +
        '1.市场北门垃圾堆放。（责任单位：甲街道）\n2.河堤路面破损。（责任单位：城管局）\n',
    );
    const annexed = doc.measures.filter((m) => m.line >= 10);
    expect(annexed.map((m) => [m.lead, m.deadline])).toEqual([
      [['甲街道'], '2021-06-10'],
      [['城管局'], '2021-06-10'],
    ]);
  });
});

describe('the supervising office following up in its own notice', () => {
  const paragraph =
    '6月2日，区政府组织检查，请各相关单位对存在的问题立即整改，整改情况报区政府督查室。区政府督查室将对存在的问题跟踪督查。\n';
  const dutyOf = (title: string, docNumber: string) =>
    extractOne(`${title}\n${docNumber}\n甲街道办事处、区城管局：\n${paragraph}`).measures.find(
      (m) => m.line === 4,
    );

  it('takes part beside the holders of the duty when the office issues the notice', () => {
    expect(roles(dutyOf('某市东城区人民政府督查通知单', '东城政督字〔2021〕3号'))).toEqual({
      lead: ['各相关单位'],
      participants: ['区政府督查室'],
      deadline: null,
    });
  });

  it('leads with its own duty in a notice of the government', () => {
    expect(dutyOf('某市东城区人民政府关于卫生整治的通知', '东城政发〔2021〕3号')?.lead).toEqual([
      '各相关单位',
      '区政府督查室',
    ]);
  });
});

describe('a paragraph the page broke inside a word', () => {
  const broken =
    '一、压实工作责任，加快推进任务落实。各责任单位要加强组织领导，按照“一把手”负总责的要求，主要领导亲自抓、分管领导具体抓，明确具体责任人，由办\n' +
    '公室负责抓好综合协调工作。对办理难度大的事项，相关责任单位要及时报告存在的困难和问题。';

  it('reads the line after the break as the same paragraph (its parties join the item)', () => {
    const doc = extractOne(`${HEAD}${broken}\n${BREAKDOWN}`);
    expect(roles(doc.measures.find((m) => m.line === 4))).toEqual({
      lead: ['各责任单位', '相关责任单位'],
      participants: [],
      deadline: null,
    });
    expect(doc.measures.find((m) => m.line === 5)).toBeUndefined();
  });

  it('keeps apart a line that merely lost its punctuation (its last clause runs on for long)', () => {
    const unpunctuated =
      '县人民代表大会审议通过的《政府工作报告》是推进政府工作的纲领性文件为确保各项年度目标任务落到实处现将任务分解一览表印发给你们请认真贯彻执行\n' +
      '各乡镇、各部门要把抓好目标任务落实作为推动高质量发展的重要抓手，逐项细化分解。';
    const doc = extractOne(`${HEAD}${unpunctuated}\n${BREAKDOWN}`);
    expect(roles(doc.measures.find((m) => m.line === 5))).toEqual({
      lead: ['各乡镇', '各部门'],
      participants: [],
      deadline: null,
    });
  });
});
