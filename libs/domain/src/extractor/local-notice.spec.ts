// Forms that recur in local 责任分解 documents (county and district work-task lists and their notices): labelled
// lines of their own, role collectives as sentence subjects. Synthetic documents, one per form.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const TITLE = '繁昌区人民政府关于印发2021年区政府重点工作任务的通知\n各镇人民政府，区有关单位：\n';

describe('labelled lines after an item', () => {
  it('reads 牵头责任单位 as lead and 协同责任单位 as participants; 牵头负责领导 names a person', () => {
    const doc = extractOne(
      `${TITLE}一、确保完成全年主要预期目标\n1.地区生产总值比上年增长9%左右。\n牵头负责领导:张三。\n牵头责任单位:区发展改革委。\n协同责任单位:区直相关单位。\n2.一般公共预算收入增长5%左右。\n牵头负责领导:李四。\n牵头责任单位:区财政局。\n协同责任单位:区税务局。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['区发展改革委'], participants: ['区直相关单位'], deadline: null },
      { lead: ['区财政局'], participants: ['区税务局'], deadline: null },
    ]);
  });
});

const NOTICE = '某某区人民政府办公室关于印发2021年区政府重点工作责任分工的通知\n各镇人民政府，区直各单位：\n';

describe('duties in the paragraphs of a local notice', () => {
  it("reads the subject after a long opening clause listing the work's difficulties (up to 40 characters)", () => {
    const doc = extractOne(
      `${NOTICE}今年全区重点工程项目点多面广、资金需求量大、协调难度较高、工期安排偏紧，各责任单位要倒排工期，细化措施。各协同单位要全力支持、密切配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各责任单位'], participants: ['各协同单位'], deadline: null },
    ]);
  });

  it('reads role collectives without 各 as subjects, one measure per paragraph: 牵头责任单位 leads, 协同责任单位 supports', () => {
    const doc = extractOne(
      `${NOTICE}各责任单位要树立全局观念，按要求高质量完成任务。牵头责任单位要强化主体责任、抓好工作统筹。协同责任单位要密切沟通协商，加强工作配合。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各责任单位', '牵头责任单位'], participants: ['协同责任单位'], deadline: null },
    ]);
  });

  it('reads 各单位, 牵头单位 会同 责任单位, and an aside after the subject (责任单位尤其是各乡镇（街道）要)', () => {
    const doc = extractOne(
      `${NOTICE}一、以目标倒逼落实。各单位要切实加强组织领导。各牵头单位要会同责任单位，制订落实方案。\n二、以协作抓好落实。一项工作涉及多个部门的，牵头单位要切实肩负起牵头责任；责任单位尤其是各乡镇(街道)要积极配合，形成工作合力。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各单位', '各牵头单位'], participants: ['责任单位'], deadline: null },
      { lead: ['牵头单位'], participants: ['责任单位'], deadline: null },
    ]);
  });

  it('reads 全区各级各部门, and 各责任单位、配合单位要 as a lead with its supporting side', () => {
    const doc = extractOne(
      `${NOTICE}一、高度重视，抓好落地落实。全区各级各部门要深入贯彻新发展理念。各责任单位、配合单位要敢于担当、主动作为，全力以赴完成目标任务。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全区各级各部门', '各责任单位'], participants: ['配合单位'], deadline: null },
    ]);
  });

  it('reads a body announcing its supervision (督查室将…), not the request to the addressees before it', () => {
    const doc = extractOne(
      `${NOTICE}请你们对照目标任务，狠抓工作落实。县政府政务督查室将对各单位的贯彻落实情况开展专项督查，并予以通报。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县政府政务督查室'], participants: [], deadline: null },
    ]);
  });
  // 特别是牵头单位，要… singles out a second holder (LABELLING §2, one measure, all holders lead; dev wh-2022-wzb-1).
  it('keeps one duty when the same subject goes on with it (各责任单位要…。各责任单位要于…前报送)', () => {
    const doc = extractOne(
      `${NOTICE}一、科学制订办理方案。各责任单位要对承办的责任事项逐个进行研究。特别是牵头单位，要强化责任担当。各责任单位要于2021年2月15日前，将办理方案报送区政府督查室。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各责任单位', '牵头单位'], participants: [], deadline: '2021-02-15' },
    ]);
  });

  it("reads 请A、B + any verb, a level's own collectives (区直各单位, 省政府各牵头部门) and its government's follow-up (区政府将, a participant)", () => {
    const doc = extractOne(
      `${NOTICE}请各乡镇、区直各单位抓紧细化本单位任务。各牵头单位要加强统筹。各协作单位要主动配合。区政府将定期通报进展。省政府各牵头部门要于3月底前报送分解方案。省政府办公厅要跟踪督办。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['各乡镇', '区直各单位', '各牵头单位', '省政府各牵头部门', '省政府办公厅'],
        participants: ['各协作单位', '区政府'],
        deadline: '2021-03-31',
      },
    ]);
  });
});

describe('one measure per notice paragraph (LABELLING §2)', () => {
  it('reads 主要责任单位 as a subject, 其他责任单位 as its supporting side, and 区政府将… beside them as a participant', () => {
    const doc = extractOne(
      `${NOTICE}一、强化责任落实。主要责任单位要切实履行主职主责，主动对接其他责任单位；其他责任单位要积极履行配合职责。区政府将加大督查问责力度。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['主要责任单位'], participants: ['其他责任单位', '区政府'], deadline: null },
    ]);
  });
});

describe('a local notice excerpt without its title', () => {
  it('is read as a local notice when it opens on a local addressee line', () => {
    const doc = extractOne(
      '各乡镇人民政府，区政府各部门，区属各单位：\n现将今年重点工作任务分解下达。各牵头单位要细化工作方案。配合单位要主动衔接。区政府督查室要定期通报。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头单位', '区政府督查室'], participants: ['配合单位'], deadline: null },
    ]);
    expect(doc.measures.every((m) => m.basis === undefined)).toBe(true);
  });
});

describe('notice duties stated without 要', () => {
  it('reads an untitled excerpt approved by a local government, 对…负总责, 牵头 and 分别于…前 as duties', () => {
    const doc = extractOne(
      '《2024年市重点任务分工方案》已经市政府常务会议审议通过，现印发给你们，请一并贯彻执行。\n一、压实责任。各牵头单位对所牵头任务负总责，各配合单位按照分工积极配合。\n二、按时报告。任务进展情况，各牵头单位分别于2024年7月5日和2025年1月5日前报送市政府督查室。市政府督查室牵头开展跟踪督办。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各牵头单位'], participants: ['各配合单位'], deadline: null },
      { lead: ['各牵头单位', '市政府督查室'], participants: [], deadline: '2025-01-05' },
    ]);
  });

  it('does not make a lead a supporter because 配合 follows in the next clause of another party', () => {
    const doc = extractOne(
      `${NOTICE}各单位要加强组织领导。各责任单位要细化目标任务，相关科室配合做好台账。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['各单位', '各责任单位'], participants: [], deadline: null },
    ]);
  });
});

describe('notice subjects with leaders, a start clause or a bureau written without its level', () => {
  it('drops leaders named beside a unit, reads 从…起 after the subject, a long opening clause and 督查室、审计局', () => {
    const doc = extractOne(
      `${NOTICE}各分管领导、责任单位要狠抓落实。\n二、定期报送。各牵头单位从2021年第三季度起，要按季报送进展。对工作推进迟缓、群众反映强烈的事项和单位，区政府督查室将予以通报。政府督查室、审计局要跟踪问效。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['责任单位'], participants: [], deadline: null },
      { lead: ['各牵头单位', '区政府督查室', '政府督查室', '审计局'], participants: [], deadline: null },
    ]);
  });
});
