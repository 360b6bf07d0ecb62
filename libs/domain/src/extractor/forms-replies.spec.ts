// Forms of national reply letters (复函 / 答复, heldout-7 development data): the issuer signing a reply titled without
// 关于, a department referred to as 该委 / 该部, the addressee 你省 as a counterpart, work under way given as a
// commitment. Synthetic documents, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const REPLY =
  '国务院办公厅关于某省有关问题的复函\n国办函〔2006〕12号\n某省人民政府：\n你省关于某些问题的请示收悉。经国务院同意，现将有关情况函复如下：\n';

describe('reply letters', () => {
  it('reads 我们 of a reply titled `X对…的答复` as the issuer its signature names', () => {
    const doc = extractOne(
      '国务院办公厅对某委员提出的某项建议的答复\n国办函〔2006〕13号\n某委员：\n你提出的建议收悉。\n一、关于平台建设。我们将会同有关部门加快建设全国统一的服务平台。\n国务院办公厅\n二〇〇六年三月一日\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国务院办公厅'], participants: ['有关部门'], deadline: null },
    ]);
  });

  it('reads `该委` / `该部` as the department named last before it', () => {
    const doc = extractOne(
      `${REPLY}一、关于铁路项目问题。交通运输部已完成项目初审，报国务院同意后，该部将组织专家进一步论证。\n二、关于水库项目问题。前期工作已经完成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['交通运输部'], participants: [], deadline: null }]);
  });

  it('leaves `该部门` / `该委员会` / `该办法` as written: no department named by 该部 / 该委 / 该办', () => {
    const doc = extractOne(
      `${REPLY}一、关于补助问题。财政部已核定资金，该部门将会同有关方面及时拨付。\n二、关于水库项目问题。前期工作已经完成。\n`,
    );
    expect(doc.measures.every((m) => !m.lead.includes('财政部门'))).toBe(true);
  });

  it('never takes the addressee `你省` for a partner of `会同`', () => {
    const doc = extractOne(
      `${REPLY}一、关于机场项目问题。发展改革委将继续加强协调，会同你省共同推进项目前期工作。\n二、关于水库项目问题。前期工作已经完成。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([{ lead: ['发展改革委'], participants: [], deadline: null }]);
  });

  it('reads work under way as a commitment only when it is pressed or followed by one (`正抓紧…`, `正在…，将…`)', () => {
    const doc = extractOne(
      `${REPLY}一、关于补偿问题。目前，财政部正在修订补偿办法，同时将研究提高补偿标准。\n二、关于项目审批问题。商务部正按程序抓紧办理。\n三、关于规划问题。按照国务院的要求，水利部正在编制流域规划，发展改革委建议规划完成后再作研究。\n`,
    );
    expect(doc.measures.map((m) => [m.line, ...m.lead])).toEqual([
      [5, '财政部'],
      [6, '商务部'],
    ]);
  });

  it('reads `与A、B等单位一起` and `会同A继续…` as partners, and `力争今年年内推出` as the year end', () => {
    const doc = extractOne(
      `${REPLY}一、关于平台问题。商务部正在牵头建设服务平台，力争今年年内推出。\n二、关于标准问题。商务部将与国家标准委、工业和信息化部等单位一起，组织制定相关标准。\n三、关于评估问题。商务部将会同有关部门继续探索评估办法。\n`,
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['商务部'], participants: [], deadline: '2006-12-31' },
      { lead: ['商务部'], participants: ['国家标准委', '工业和信息化部'], deadline: null },
      { lead: ['商务部'], participants: ['有关部门'], deadline: null },
    ]);
  });
});
