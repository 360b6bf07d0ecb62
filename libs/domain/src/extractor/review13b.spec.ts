// Review of the rectification / supervision forms (review13b): a problem column in a progress report, a meeting's
// decisions named across a broken line, a working group composed after `由A负责`; synthetic documents.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

describe('a progress report with a 存在问题 column', () => {
  it('keeps the problems reported after the progress out of the task, not those of a rectification list', () => {
    const doc = extractOne(
      '某县2024年重点工作推进情况表\n序号\t工作任务\t完成情况\t存在问题\t责任单位\t完成时限\n1\t推进老旧小区改造\t已完成30个\t资金缺口较大\t县住建局\t2024年12月底前\n',
    );
    expect(doc.measures.map((m) => [m.text, m.lead, m.deadline])).toEqual([
      ['推进老旧小区改造', ['县住建局'], '2024-12-31'],
    ]);
    // A rectification list's 存在问题 (before its 整改情况 progress) is still the task.
    const list = extractOne(
      '某县巡察反馈问题整改任务清单\n序号\t存在问题\t整改措施\t责任单位\t整改时限\t整改情况\n1\t项目推进缓慢\t建立项目台账\t县发改局\t2024年6月底前\t已完成\n',
    );
    expect(list.measures.map((m) => [m.text, m.lead])).toEqual([['项目推进缓慢建立项目台账', ['县发改局']]]);
  });
});

describe('a meeting report line broken before 会议决定事项', () => {
  it('runs `…关于` on into `会议决定事项…的汇报` (no new paragraph)', () => {
    const doc = extractOne(
      '关于某某问题督查情况的通报\n7月7日下午，市长某某在市党政综合办公大楼八楼第二会议室主持召开十五届市政府第114次常务会议，听取了县发改局、县财政局、县住建局等部门关于\n会议决定事项办理情况的汇报，县财政局要于6月底前完成资金拨付。\n某某县人民政府办公室\n2024年4月1日\n',
    );
    expect(doc.measures.map((m) => [m.line, m.lead])).toEqual([[2, ['县财政局']]]);
  });
});

describe('a working group composed after `由A负责`', () => {
  const plan = (item: string) =>
    extractOne(
      `某县优化营商环境实施方案\n为深入贯彻落实党中央决策部署，结合我县实际，制定本方案。\n一、主要任务\n（一）加强组织领导。${item}\n某某县人民政府办公室\n2024年4月1日\n`,
    );

  it('takes no 抽调A、B人员组成 as participants', () => {
    expect(
      plan('成立工作专班，由县政府办负责，抽调县发改局、县财政局人员组成。').measures.map(roles),
    ).toEqual([{ lead: ['县政府办'], participants: [], deadline: null }]);
  });

  it('reads the members of `专班成员由A、B等单位组成` once, never `专班成员由A`', () => {
    expect(
      plan('日常工作由县政府办负责，专班成员由县发改局、县财政局等单位组成。').measures.map(roles),
    ).toEqual([{ lead: ['县政府办'], participants: ['县发改局', '县财政局'], deadline: null }]);
  });
});

describe('`A负责，B、C配合` with departments named 部', () => {
  it('reads 县委组织部 / 县委宣传部 as the units taking part', () => {
    const doc = extractOne(
      '关于某某问题督查情况的通报\n县纪委监委负责，县委组织部、县委宣传部配合，6月底前完成。\n某某县人民政府办公室\n2024年4月1日\n',
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['县纪委监委'], participants: ['县委组织部', '县委宣传部'], deadline: '2024-06-30' },
    ]);
  });
});
