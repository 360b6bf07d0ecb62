// Forms met in heldout-16 (county, municipal and provincial documents, seen after its one blind scoring) that recur
// across documents; synthetic documents, new wording (not copied from any labelled document).
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from '../src/extractor/forms.testing';

/** A municipal work plan whose first numbered item holds `body`. */
const plan = (body: string) => extractOne(`某市2024年优化营商环境工作要点\n一、深化审批改革\n1.${body}\n`);

describe('an unlabelled square annotation closed by a role verb', () => {
  it('reads 〔A牵头，B和C按职责分工负责〕 at the end of an item like a round bracket', () => {
    const doc = plan(
      '推进证照分离改革。持续压减审批环节。〔市市场监管局牵头，市级有关部门和各县区政府按职责分工负责〕',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市市场监管局'], participants: ['市级有关部门', '各县区政府'], deadline: null },
    ]);
  });

  it('reads an ASCII [A、B负责] the same (joint leads)', () => {
    const doc = plan('完善企业诉求响应机制。[市发展改革委、市工商联负责]');
    expect(doc.measures.map((m) => ({ ...roles(m), joint: m.joint }))).toEqual([
      { lead: ['市发展改革委', '市工商联'], participants: [], deadline: null, joint: true },
    ]);
  });

  it('still reads no annotation in a 文号 year or a page label in square brackets', () => {
    const doc = plan('落实《某市营商环境条例》（某政发〔2023〕5号）要求。【解读】');
    expect(doc.measures).toEqual([]);
  });
});

describe('the lead convention without 位', () => {
  it('reads `排名第一的为牵头单位，下同` inside a 责任单位 bracket as the first-listed rule', () => {
    const doc = plan(
      '加大信贷支持力度。（责任单位：市金融办、市财政局，人民银行某市中心支行，排名第一的为牵头单位，下同）\n2.落实减税降费政策。（责任单位：市税务局、市财政局）',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市金融办'], participants: ['市财政局', '人民银行某市中心支行'], deadline: null },
      { lead: ['市税务局'], participants: ['市财政局'], deadline: null },
    ]);
  });
});

describe('collectives under the level’s scope (全省/全县)', () => {
  it('reads `全市各地各部门` as the places and the departments, two parties', () => {
    const doc = extractOne(
      '某市人民政府关于做好防汛工作的通知\n一、压实责任\n全市各地各部门务必认真落实防汛责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全市各地', '各部门'], participants: [], deadline: null },
    ]);
  });

  it('drops the qualifier of `全县各乡（镇、街道）` in a leader’s reported requirements', () => {
    const doc = extractOne(
      '全县秸秆禁烧工作会议召开\n5月8日，我县召开秸秆禁烧工作会议。\n李某某要求，全县各乡（镇、街道）、各部门要迅速行动，落实网格责任。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全县各乡', '各部门'], participants: [], deadline: null },
    ]);
  });
});

describe('a collective and its bare unit word joined by 和', () => {
  it('keeps `省有关部门和单位` one party in a 责任单位 bracket', () => {
    const doc = plan('加快乡村产业发展。（责任单位：有关设区市、省有关部门和单位）');
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['有关设区市', '省有关部门和单位'], participants: [], deadline: null },
    ]);
  });
});
