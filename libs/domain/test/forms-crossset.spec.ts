// Forms shared by documents of several external sets (heldout-10 … heldout-15), read as general shapes. Synthetic
// documents written for these tests.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from '../src/extractor/forms.testing';

const PLAN = '某市市容秩序综合整治工作方案\n';
const NOTICE = '某省人民政府关于批转省发展改革委年度计划的通知\n';

describe('会同 / 协同 partners ending before a verb of their own', () => {
  it('ends the partner list of a duty line before 查处, and reads `负责协同B查处` as B taking part', () => {
    const doc = extractOne(
      `${PLAN}三、职责分工\n1.市市场监管局：负责协同城管执法部门查处占道经营行为。\n2.市文化执法总队：负责会同市公安局查处非法出版物。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市市场监管局'], participants: ['城管执法部门'], deadline: null },
      { lead: ['市文化执法总队'], participants: ['市公安局'], deadline: null },
    ]);
  });

  it('ends it before 另行 and 一起 in prose (`由A会同有关部门另行下达`, `A将会同B一起加强督办`)', () => {
    const doc = extractOne(
      `${NOTICE}现将计划转发给你们，请据此安排工作。\n各专项计划由省发展改革委会同有关部门另行下达。\n省政府督查室将会同省统计局一起加强督办。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['省发展改革委'], participants: ['有关部门'], deadline: null },
      { lead: ['省政府督查室'], participants: ['省统计局'], deadline: null },
    ]);
  });
});

describe('the work year of a meeting call', () => {
  const REPORT = '某市交通运输局召开全市交通运输工作会议\n';

  it('reads a year opening a call or a look back that names nothing to finish as the work year, not a deadline', () => {
    const doc = extractOne(
      `${REPORT}会议指出，今年以来各项工作取得新成效。\n局长要求，2024年，全市交通运输系统要聚焦主责主业，做到提前谋划，守住安全生产底线。\n局长强调，2023年在市委的坚强领导下，各部门拼搏实干，形势良好。相关部门要认真做好运行监测分析，确保2024年的各项工作开门红。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全市交通运输系统'], participants: [], deadline: null },
      { lead: ['相关部门'], participants: [], deadline: null },
    ]);
  });

  it('keeps a year whose call names a step to finish (`2024年，A要完成…`)', () => {
    const doc = extractOne(`${REPORT}局长要求，2024年，全市交通运输系统要完成农村公路改造任务。\n`);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全市交通运输系统'], participants: [], deadline: '2024-12-31' },
    ]);
  });
});

describe('a speech verb before the subject', () => {
  it('never reads 强调 as part of the party after an opening clause (`会议审议了…，强调A要…`)', () => {
    const doc = extractOne(
      '某市政府常务会议召开\n会议审议了《某市行政机关负责人出庭应诉规定》，强调全市各级行政机关要强化法治意识，切实加强行政应诉工作。\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['全市各级行政机关'], participants: [], deadline: null },
    ]);
  });
});

describe('将 of a coming event', () => {
  it('reads no duty in `X将迎来…` or `X也将召开` beside a later duty', () => {
    const doc = extractOne(
      '某市人民政府关于做好今年工作的通知\n今年我们将迎来建市30周年，市第九次党代会也将召开。\n各县区要加强组织领导，确保各项工作落到实处。\n',
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['各县区'], participants: [], deadline: null }]);
  });
});
