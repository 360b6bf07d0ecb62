import { describe, expect, it } from 'vitest';
import { extractOne, roles } from './forms.testing';

// Synthetic tables in the forms local 民生实事 / 重点工作任务 tables take: cells on one line (tab- or
// space-separated) under a header whose role words name the columns, wherever they stand.
const NOTICE =
  '某县人民政府办公室关于印发2022年民生实事项目责任分解表的通知\n各乡镇人民政府，县政府各部门：\n现将有关事项通知如下。\n';

function tableMeasures(table: string) {
  return extractOne(NOTICE + table).measures.filter((m) => m.origin === 'table');
}

describe('grid tables', () => {
  it('reads a project column, a responsibility column and a time column (项目名称 / 责任单位 / 完成时限)', () => {
    const ms = tableMeasures(
      [
        '序号\t项目名称\t责任单位\t完成时限',
        '1\t新建城东幼儿园\t县教育局\t2022年9月底前',
        '2\t改造农贸市场3个\t县商务局、县市场监管局\t12月底前',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县教育局'], participants: [], deadline: '2022-09-30' },
      { lead: ['县商务局', '县市场监管局'], participants: [], deadline: '2022-12-31' },
    ]);
  });

  it('takes an unnamed content column as the task when no task word heads it (2022年预期目标 / 责任单位)', () => {
    const ms = tableMeasures(
      [
        '序号\t2022年预期目标\t责任单位',
        '1\t地区生产总值增长6%左右\t县发展改革局',
        '2\t一般公共预算收入增长5%\t县财政局',
      ].join('\n'),
    );
    expect(ms.map((m) => m.lead)).toEqual([['县发展改革局'], ['县财政局']]);
    expect(ms[0]?.text).toContain('地区生产总值');
  });

  it('reads past group rows spanning the table (一、教育 then numbered rows)', () => {
    const ms = tableMeasures(
      [
        '序号\t实事项目\t牵头单位\t配合单位',
        '一、教育',
        '1\t新建小学1所\t县教育局\t县住建局',
        '二、卫生健康',
        '2\t改造乡镇卫生院2所\t县卫健局\t各乡镇人民政府',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县教育局'], participants: ['县住建局'], deadline: null },
      { lead: ['县卫健局'], participants: ['各乡镇人民政府'], deadline: null },
    ]);
  });

  it('skips a header repeated inside the table (a page break) and reads rows without 序号', () => {
    const ms = tableMeasures(
      [
        '工作任务 牵头单位 配合单位 完成时限',
        '建成污水处理厂 县住建局 县生态环境分局 6月底前',
        '工作任务 牵头单位 配合单位 完成时限',
        '完成农村公路改造50公里 县交通运输局 各乡镇 11月底前',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县住建局'], participants: ['县生态环境分局'], deadline: '2022-06-30' },
      { lead: ['县交通运输局'], participants: ['各乡镇'], deadline: '2022-11-30' },
    ]);
  });

  it('keeps a numbered row and its continuation rows (merged 序号 and 责任单位 cells) as one measure', () => {
    const ms = tableMeasures(
      [
        '序号\t项目内容\t进展情况\t责任单位',
        '1\t新建成托育驿站7家。\t已建成5家。\t县卫生健康局',
        '新增托位500个。\t新增托位300个。',
        '2\t实施农村公路大中修100公里。\t完成50公里。\t县交通运输局',
      ].join('\n'),
    );
    expect(ms.map((m) => m.lead)).toEqual([['县卫生健康局'], ['县交通运输局']]);
    expect(ms[0]?.text).toContain('新增托位500个');
    expect(ms[0]?.text).not.toContain('新增托位300个');
  });

  it('reads 牵头责任单位 / 协同责任单位 / 计划完成时间 headers', () => {
    const ms = tableMeasures(
      [
        '序号\t重点任务\t牵头责任单位\t协同责任单位\t计划完成时间',
        '1\t建成智慧停车平台\t县城管局\t县公安局\t2022年10月',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县城管局'], participants: ['县公安局'], deadline: '2022-10-31' },
    ]);
  });

  it('reads a two-column tabbed table (工作任务 / 责任单位)', () => {
    const ms = tableMeasures(
      [
        '工作任务\t责任单位',
        '建成城南污水处理厂二期\t县住建局',
        '完成高标准农田建设2万亩\t县农业农村局',
      ].join('\n'),
    );
    expect(ms.map((m) => m.lead)).toEqual([['县住建局'], ['县农业农村局']]);
  });

  it('keeps a party cell wrapped onto a line of its own inside the row', () => {
    const ms = tableMeasures(
      [
        '序号\t实事项目\t责任单位\t完成时限',
        '1\t新建公厕20座\t县城管局、\t12月底前',
        '县住建局',
        '2\t改造老旧小区5个\t县住建局\t11月底前',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县城管局', '县住建局'], participants: [], deadline: '2022-12-31' },
      { lead: ['县住建局'], participants: [], deadline: '2022-11-30' },
    ]);
  });

  it('gives a numbered row without its own party cell the merged cell of the row above', () => {
    const ms = tableMeasures(
      [
        '序号\t项目名称\t责任单位\t完成时限',
        '1\t新建幼儿园2所\t县教育局\t8月底前',
        '2\t改扩建小学3所\t\t12月底前',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县教育局'], participants: [], deadline: '2022-08-31' },
      { lead: ['县教育局'], participants: [], deadline: '2022-12-31' },
    ]);
  });

  it('skips a header repeated inside a one-cell-per-line table', () => {
    const ms = tableMeasures(
      [
        '序号',
        '工作任务',
        '责任单位',
        '1',
        '建成城东公园',
        '县住建局',
        '序号',
        '工作任务',
        '责任单位',
        '2',
        '建成城西公园',
        '县城管局',
      ].join('\n'),
    );
    expect(ms.map((m) => m.lead)).toEqual([['县住建局'], ['县城管局']]);
    expect(ms[0]?.text).not.toContain('序号');
  });

  it('reads a wide table whose figures and remarks columns stand beside the named ones', () => {
    const ms = tableMeasures(
      [
        '序号\t项目名称\t建设内容\t总投资(万元)\t年度投资\t责任单位\t完成时限\t备注',
        '1\t城南幼儿园\t新建幼儿园1所\t3000\t1500\t县教育局\t10月底前\t续建',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([{ lead: ['县教育局'], participants: [], deadline: '2022-10-31' }]);
  });

  it('maps header cells through the annotation labels (牵头处室 / 配合处室)', () => {
    const ms = tableMeasures(
      ['序号\t工作任务\t牵头处室\t配合处室', '1\t完成年度统计报表\t办公室\t规划财务处'].join('\n'),
    );
    expect(ms.map(roles)).toEqual([{ lead: ['办公室'], participants: ['规划财务处'], deadline: null }]);
  });

  it('reads a one-cell-per-line table without 序号, counting rows off by the header width', () => {
    const doc = extractOne(
      NOTICE +
        [
          '工作任务',
          '责任单位',
          '完成时限',
          '一、教育',
          '新建城东小学',
          '县教育局',
          '12月底前',
          '改造乡镇卫生院2所',
          '县卫健局、各乡镇',
          '10月底前',
          '各单位要按时报送进展情况。',
        ].join('\n'),
    );
    const ms = doc.measures.filter((m) => m.origin === 'table');
    expect(ms.map(roles)).toEqual([
      { lead: ['县教育局'], participants: [], deadline: '2022-12-31' },
      { lead: ['县卫健局', '各乡镇'], participants: [], deadline: '2022-10-31' },
    ]);
    // The sentence below the table is no row of it.
    expect(ms.some((m) => m.text.includes('按时报送'))).toBe(false);
  });

  it('reads a task cell wrapped onto a line of its own between tabbed rows', () => {
    const ms = tableMeasures(
      [
        '序号\t工作任务\t责任单位\t完成时限',
        '1\t建成城南污水处理厂二期，\t县住建局\t9月底前',
        '配套管网15公里',
        '2\t改造老旧小区5个\t县住建局\t11月底前',
      ].join('\n'),
    );
    expect(ms.map((m) => m.deadline)).toEqual(['2022-09-30', '2022-11-30']);
    expect(ms[0]?.text).toContain('配套管网15公里');
  });

  it('reads a letter-spaced header whose columns are set apart by runs of spaces', () => {
    const ms = tableMeasures(
      [
        '序号  任 务 名 称  牵 头 部 门  配 合 部 门',
        '1  建成智慧停车平台  县城管局  县公安局、县交通运输局',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县城管局'], participants: ['县公安局', '县交通运输局'], deadline: null },
    ]);
  });

  it('reads a tabbed row positionally: an empty cell between two tabs is that column left empty', () => {
    const ms = tableMeasures(
      [
        '序号\t重点任务\t具体措施\t牵头单位\t配合单位\t完成时限',
        '1\t降低企业成本\t落实减税降费政策\t县税务局\t县财政局\t2023年12月底前',
        '2\t保障要素供给\t盘活存量低效用地\t县自然资源局\t\t2023年底',
        '\t加强信用建设\t开展信用修复\t县发展改革局\t县法院\t2023年6月',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县税务局'], participants: ['县财政局'], deadline: '2023-12-31' },
      { lead: ['县自然资源局'], participants: [], deadline: '2023-12-31' },
      { lead: ['县发展改革局'], participants: ['县法院'], deadline: '2023-06-30' },
    ]);
  });

  it('reads 办结时间 / 截止时间 columns and fields as deadlines (督办 lists)', () => {
    const ms = tableMeasures(
      [
        '序号\t重点工作\t牵头部门\t协同部门\t办结时间',
        '1\t推进重点项目建设\t县发改局\t县财政局\t2024年6月底前',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县发改局'], participants: ['县财政局'], deadline: '2024-06-30' },
    ]);
    const listed = extractOne(`${NOTICE}一、推进招商引资（承办单位：县商务局；截止时间：2024年4月30日）\n`);
    expect(listed.measures.map(roles)).toEqual([
      { lead: ['县商务局'], participants: [], deadline: '2024-04-30' },
    ]);
  });

  it('takes row numbers written as numerals (一、二)', () => {
    const ms = tableMeasures(
      [
        '序号\t工作任务\t牵头单位\t配合单位',
        '一\t建成城市书房5家\t县文旅局\t各乡镇',
        '二\t新建篮球场10个\t县教体局\t县财政局',
      ].join('\n'),
    );
    expect(ms.map(roles)).toEqual([
      { lead: ['县文旅局'], participants: ['各乡镇'], deadline: null },
      { lead: ['县教体局'], participants: ['县财政局'], deadline: null },
    ]);
  });

  it('skips group rows printed in the columns (一	教育) without lending them the row above', () => {
    const ms = tableMeasures(
      [
        '序号\t项目名称\t责任单位\t完成时限',
        '一\t教育',
        '1\t新建幼儿园2所\t县教育局\t8月底前',
        '二\t卫生健康',
        '2\t改造卫生院3所\t县卫健局\t12月底前',
      ].join('\n'),
    );
    expect(ms.map((m) => m.lead)).toEqual([['县教育局'], ['县卫健局']]);
    expect(ms[0]?.text).not.toContain('卫生健康');
  });

  it('takes the title below a page metadata block printed as table cells (索引号 | … | 公开方式 | …)', () => {
    const doc = extractOne(
      [
        '索引号\t000330185/2022-86781\t公开方式\t主动公开',
        '发布单位\t区府办\t发文日期\t2022-11-03',
        '2022年区政府民生实事项目进展情况表',
        '序号\t项目内容\t进展情况\t责任单位',
        '1\t新建成托育驿站7家。\t已建成5家。\t卫生健康局',
      ].join('\n'),
    );
    expect(doc.title).toBe('2022年区政府民生实事项目进展情况表');
    expect(doc.measures.map((m) => m.lead)).toEqual([['卫生健康局']]);
  });
});
