// A yearly joint random-inspection plan (部门联合双随机抽查计划) as its pages store it: a tabbed table whose header
// names many descriptive columns (抽查事项, 抽查比例, 检查方式, 组织层级 …) beside 任务名称 / 牵头部门 / 参与部门, rows
// that leave empty cells out, a 参与部门 cell split over two cells, and a compact month (202211) as the completion
// date; synthetic rows, new wording.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

const HEADER =
  '序号\t任务名称\t抽查事项\t检查对象范围\t抽取类型\t抽查户数\t抽查比例\t检查方式\t组织层级\t实施层级\t抽取日期\t抽取日期至\t抽查完成时限\t牵头部门\t参与部门\t备注';

describe('random-inspection plan tables', () => {
  it('reads each row of a tabbed plan with many descriptive columns, short rows aligned on their units', () => {
    const doc = extractOne(
      [
        '2024年文化旅游部门联合双随机抽查计划',
        HEADER,
        '1\t旅行社经营\t经营许可情况\t全市旅行社\t一般企业\t5\t10%\t现场检查\t市级\t市级\t20243\t20244\t202406\t文旅局\t市场监管局\t公安局',
        '2\t娱乐场所\t消防安全\t全市娱乐场所\t娱乐场所\t8\t15%\t现场抽查\t市、区县\t20243\t20244\t20249\t文旅局\t消防救援支队',
        '3\t网吧\t未成年人保护\t全市网吧经营主体\t网吧\t3\t5%\t20243\t20244\t202410\t文旅局\t公安局',
        '4\t演出场所\t安全管理\t全市演出场所\t场所\t2\t5%\t现场检查\t20243\t20244\t202411\t文旅局\t市场监管局\t应急管理局',
        '',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['文旅局'], participants: ['市场监管局', '公安局'], deadline: '2024-06-30' },
      { lead: ['文旅局'], participants: ['消防救援支队'], deadline: '2024-09-30' },
      { lead: ['文旅局'], participants: ['公安局'], deadline: '2024-10-31' },
      // Short by two cells, a unit in the remarks column: the fit with the date in the deadline column.
      { lead: ['文旅局'], participants: ['市场监管局', '应急管理局'], deadline: '2024-11-30' },
    ]);
    expect(doc.measures.map((m) => m.origin)).toEqual(['table', 'table', 'table', 'table']);
  });

  it('keeps a remarks cell that is no unit out of the parties', () => {
    const doc = extractOne(
      [
        '2024年文化旅游部门联合双随机抽查计划',
        HEADER,
        '1\t旅行社经营\t经营许可情况\t全市旅行社\t一般企业\t5\t10%\t现场检查\t市级\t市级\t20243\t20244\t202406\t文旅局\t市场监管局\t省计划',
        '',
      ].join('\n'),
    );
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['文旅局'], participants: ['市场监管局'], deadline: '2024-06-30' },
    ]);
  });

  it('still refuses a tabbed header made mostly of figures with one party column and no task column', () => {
    const doc = extractOne(
      [
        '2024年部门预算执行情况',
        '序号\t单位\t预算数\t执行数\t执行率\t结余\t上年数\t增减\t备注',
        '1\t市文旅局\t120\t100\t83%\t20\t110\t-10\t',
        '',
      ].join('\n'),
    );
    expect(doc.measures).toEqual([]);
  });
});
