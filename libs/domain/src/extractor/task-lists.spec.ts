// Forms of task lists handed down with a covering notice (量化指标任务分工, 乡村振兴任务清单): the attachment printed
// right after the signature, a 牵头负责部门 column, role collectives in the covering prose, indicator tables whose
// leading columns span rows. Synthetic documents in new wording, one per form.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

describe('task lists after a covering notice', () => {
  it('reads a 牵头负责部门 table printed after the signature, and the covering items above it as prose', () => {
    const doc = extractOne(
      [
        '国务院办公厅关于印发2019年重点指标任务分工的通知',
        '国务院有关部门：',
        '现将《2019年重点指标任务分工》印发给你们，并就有关事项通知如下：',
        '一、各有关部门要按照分工制定工作方案。涉及多个部门的，牵头部门要做好统筹。',
        '二、国务院办公厅将定期通报落实情况，对工作不力的严肃问责。',
        '国务院办公厅',
        '2019年3月20日',
        '2019年重点指标任务分工',
        '序号\t工 作 任 务\t牵头负责部门',
        '1\t新增造林面积1000万亩\t国家林草局',
        '2\t新建农村公路20万公里\t交通运输部',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国家林草局'], participants: [], deadline: null },
      { lead: ['交通运输部'], participants: [], deadline: null },
      { lead: ['各有关部门', '牵头部门'], participants: [], deadline: null },
      { lead: ['国务院办公厅'], participants: [], deadline: null },
    ]);
  });

  it('reads an indicator table whose leading columns span rows, a spaced party cell and no scoring column', () => {
    const doc = extractOne(
      [
        '某某县人民政府办公室关于印发2022年生态环境目标任务清单的通知',
        '各乡镇人民政府，县政府各部门：',
        '现将任务清单印发给你们，请认真贯彻执行。',
        '考核项目\t序号\t考核指标\t考核内容\t单位\t年度目标\t责任部门\t评分部门',
        '环境质量\t1\t空气质量\t细颗粒物平均浓度\t微克/立方米\t≤30\t县生态环境分局 县住建局\t市生态环境局',
        '2\t优良天数比例\t%\t≥90%\t县生态环境分局\t市生态环境局',
        '3\t完成矿山生态修复\t0.5\t县自然资源局\t市自然资源局',
      ].join('\n'),
    );
    expect(doc.measures.map((m) => ({ text: m.text.slice(0, 8), ...roles(m) }))).toEqual([
      { text: '空气质量细颗粒物', lead: ['县生态环境分局', '县住建局'], participants: [], deadline: null },
      { text: '优良天数比例≥9', lead: ['县生态环境分局'], participants: [], deadline: null },
      { text: '完成矿山生态修复', lead: ['县自然资源局'], participants: [], deadline: null },
    ]);
  });

  it('leaves out the row numbers of a header that names no 序号, also where the task cell is merged upward', () => {
    const doc = extractOne(
      [
        '某某市统计局2023年政务公开工作任务清单',
        '工作任务\t具体要求\t责任科室\t时限要求',
        '做好数据发布\t1\t按时发布月度统计数据。\t各科室\t持续推进',
        '2\t及时更新统计公报。\t办公室\t持续推进',
      ].join('\n'),
    );
    expect(doc.measures.map((m) => ({ text: m.text, ...roles(m) }))).toEqual([
      { text: '做好数据发布按时发布月度统计数据。', lead: ['各科室'], participants: [], deadline: null },
      { text: '及时更新统计公报。', lead: ['办公室'], participants: [], deadline: null },
    ]);
  });

  it('reads the lead convention written 列第一位者为工作牵头单位或汇总单位 in a 责任单位 line', () => {
    const doc = extractOne(
      [
        '某某市人民政府办公室关于印发2020年政府工作报告重点工作责任分解的通知',
        '各区县人民政府，市直各单位：',
        '1.加快培育新兴产业。全力推进项目招引。',
        '责任单位：市发展改革委、市经信局、市科技局（列第一位者为工作牵头单位或汇总单位，下同）',
        '2.扩大有效投资。',
        '责任单位：市财政局、市住建局',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市发展改革委'], participants: ['市经信局', '市科技局'], deadline: null },
      { lead: ['市财政局'], participants: ['市住建局'], deadline: null },
    ]);
  });

  it('reads a time clause of the document year (年内持续推进, 年底前完成) beside the parties of a bracket', () => {
    const doc = extractOne(
      [
        '国务院关于落实2021年重点工作部门分工的意见',
        '国发〔2021〕3号',
        '各省、自治区、直辖市人民政府，国务院各部委、各直属机构：',
        '1.稳定宏观经济大盘，保持经济运行在合理区间。（国务院各部门分别负责，年内持续推进）',
        '2.完善公共卫生应急物资保障体系。（发展改革委牵头，年底前完成）',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['国务院各部门'], participants: [], deadline: '2021-12-31' },
      { lead: ['发展改革委'], participants: [], deadline: '2021-12-31' },
    ]);
  });

  it('applies 除特别注明的外，…都是配合单位 to the items below, zones sharing their 管委会 as one party', () => {
    const doc = extractOne(
      [
        '某某市人民政府办公室关于印发2019年重点工作责任分解的通知',
        '各县（市、区）人民政府，市直属各单位：',
        '各牵头单位要细化任务。除特别注明的外，各县（市、区）政府和某某开发区、某某新区管委会都是配合单位。',
        '1.加快建设现代产业体系。',
        '牵头单位：市发改委',
        '配合单位：市经信委、市科技局',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      {
        lead: ['市发改委'],
        participants: ['市经信委', '市科技局', '各县（市、区）政府', '某某开发区、某某新区管委会'],
        deadline: null,
      },
      { lead: ['各牵头单位'], participants: [], deadline: null },
    ]);
  });
});
