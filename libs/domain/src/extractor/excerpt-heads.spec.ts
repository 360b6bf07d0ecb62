// How a document's head is read when a page excerpt or a local form opens it: a tab-separated table header is no
// title (the grid table below it is read, not the corpus 分工表 form), and a 文号 printed beside its signer
// (`…〔2019〕7 号    签发人:刘某`) is still the document's 文号.
import { describe, expect, it } from 'vitest';

import { extractOne, roles } from './forms.testing';

describe('the head of an excerpt or a local form', () => {
  it('reads a page that opens on a tab-separated table header as a table, without taking the header as title', () => {
    const doc = extractOne(
      '序号\t工作任务\t负责部门\t时间进度\n1\t完善城市管理体制\t市委编办、市住建局\t2016年底前\n2\t开展垃圾分类试点\t市住建局，各县（区）政府\t常态工作\n',
    );
    expect(doc.title).toBe('');
    expect(doc.measures.map((m) => m.origin)).toEqual(['table', 'table']);
    expect(doc.measures.map(roles)).toEqual([
      { lead: ['市委编办', '市住建局'], participants: [], deadline: '2016-12-31' },
      { lead: ['市住建局', '各县（区）政府'], participants: [], deadline: null },
    ]);
  });

  it('reads the 文号 of a line that also names the signer', () => {
    const doc = extractOne(
      '某市某区人民政府督查通知单\n四铁西政督字〔2019〕7 号    签发人:刘中文\n关于对城区环境卫生综合整治工作检查情况的整改通知\n各街道办事处：\n1.春江医院附近北侧胡同内垃圾。(责任单位:英雄街道)\n',
    );
    expect(doc.docNumber).toBe('四铁西政督字〔2019〕7号');
    expect(doc.measures.map(roles)).toEqual([{ lead: ['英雄街道'], participants: [], deadline: null }]);
  });
});
