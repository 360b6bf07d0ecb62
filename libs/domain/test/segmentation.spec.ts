import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractText } from '../src/extractor/extract';
import type { ExtractedFile } from '../src/extractor/types';

const corpus = (name: string) => new URL(`../../../corpus/${name}`, import.meta.url);
const files: Record<string, string> = {
  '000': '000_b2e2599482101c52.txt',
  '001': '001_dc3bc84186c37e13.txt',
  '002': '002_a8d5c490817db3bf.txt',
  '003': '003_8fd585837068af36.txt',
  '004': '004_ff157b712ff628f7.txt',
};
const cache = new Map<string, ExtractedFile>();
function extracted(id: string): ExtractedFile {
  let f = cache.get(id);
  if (!f) {
    const name = files[id] ?? '';
    f = extractText(readFileSync(corpus(name), 'utf8'), name);
    cache.set(id, f);
  }
  return f;
}

/** [startLine, endLine, docNumber, title contains, date] from the corpus catalogue. */
type Row = [number, number, string | null, string, string | null];

function expectDocuments(id: string, rows: Row[], tolerance = 6): ExtractedFile['documents'] {
  const docs = extracted(id).documents;
  expect(docs.map((d) => d.docNumber)).toEqual(rows.map((r) => r[2]));
  rows.forEach(([start, end, , title, date], i) => {
    const d = docs[i];
    expect(d?.title).toContain(title);
    expect(Math.abs((d?.startLine ?? 0) - start)).toBeLessThanOrEqual(tolerance);
    expect(Math.abs((d?.endLine ?? 0) - end)).toBeLessThanOrEqual(tolerance);
    if (date !== undefined) expect(d?.date).toBe(date);
  });
  return docs;
}

describe('document segmentation', () => {
  it('splits 000 into its 11 State Council documents', () => {
    const docs = expectDocuments('000', [
      [1, 55, '国发〔2017〕39号', '促进外资增长若干措施', '2017-08-08'],
      [57, 124, '国发〔2018〕19号', '积极有效利用外资推动经济高质量发展', '2018-06-10'],
      [126, 222, '国办发〔2017〕21号', '进一步激发社会领域投资活力', '2017-03-07'],
      [224, 426, '国办发〔2018〕15号', '促进全域旅游发展', '2018-03-09'],
      [428, 540, '国办发〔2017〕84号', '供应链创新与应用', '2017-10-05'],
      [542, 604, '国办发〔2018〕1号', '电子商务与快递物流协同发展', '2018-01-02'],
      [606, 820, '国发〔2017〕35号', '新一代人工智能发展规划', '2017-07-08'],
      [822, 928, '国办发〔2018〕21号', '转发证监会', '2018-03-22'],
      [930, 980, '国办发〔2018〕20号', '仿制药供应保障', '2018-03-21'],
      [982, 1100, '国办发〔2018〕26号', '互联网+医疗健康', '2018-04-25'],
      [1102, 1268, null, '互联网+先进制造业', '2017-11-19'],
    ]);
    expect(docs).toHaveLength(11);
  });

  it('keeps the truncated newspaper reprint 002 as one document without 文号', () => {
    const docs = expectDocuments('002', [[1, 137, null, '积极推进"互联网+"行动的指导意见', null]]);
    expect(docs[0]?.issuer).toBe('国务院');
  });

  it('splits 003 into 9 government documents and the non-government material after them', () => {
    const docs = extracted('003').documents;
    expectDocuments('003', [
      [1, 936, '国办发〔2016〕26号', '深化医药卫生体制改革2016年重点工作任务', '2016-04-21'],
      [937, 1321, '国办发〔2016〕24号', '互联网+流通', '2016-04-15'],
      [1322, 1910, '商流通发〔2016〕85号', '全国电子商务物流发展专项规划', '2016-03-17'],
      [1911, 2119, '国办发〔2015〕46号', '跨境电子商务', '2015-06-16'],
      [2120, 3489, '国发〔2015〕40号', '积极推进“互联网+”行动', '2015-07-01'],
      [3490, 4209, '国发〔2015〕24号', '大力发展电子商务', '2015-05-04'],
      [4210, 5043, '国发〔2015〕8号', '加快发展服务贸易', '2015-01-28'],
      [5044, 5482, '国发〔2015〕5号', '云计算', '2015-01-06'],
      [5483, 6563, '国发〔2014〕42号', '物流业发展中长期规划', '2014-09-12'],
      ...docs.slice(9).map((d): Row => [d.startLine, d.endLine, null, '', null]),
    ]);
    expect(docs.length).toBeGreaterThanOrEqual(15);
    expect(docs[9]?.title).toContain('埃森哲报告');
    expect(docs.at(-1)?.title).toContain('组织架构及成员名单');
  });

  it('finds the 8 items of 004 through its table of contents', () => {
    const docs = expectDocuments('004', [
      [19, 185, null, '与工程技术人才培养研究报告', null],
      [187, 231, null, '实施工作评价方案', null],
      [233, 247, null, '本科工程型人才培养通用标准', null],
      [249, 287, null, '专门要求', null],
      [289, 349, null, '专业卓越计划实施情况补充报告', null],
      [351, 651, null, '专家判断达标依据', null],
      [653, 1018, null, '中国制造2025', null],
      [1020, 1310, '国发〔2015〕40号', '积极推进“互联网+”行动', '2015-07-01'],
    ]);
    expect(docs).toHaveLength(8);
  });

  it('reads the 101 compiler entries of 001 with their headers', () => {
    const docs = extracted('001').documents;
    expect(docs).toHaveLength(101);
    const byStart = (line: number) => docs.find((d) => Math.abs(d.startLine - line) <= 2);
    expect(byStart(18)?.title).toBe(
      '中华人民共和国国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
    );
    expect(byStart(382)).toMatchObject({ docNumber: '国发〔2021〕29号', date: '2021-12-12' });
    // Stray bracket in the 文号, split over two lines.
    expect(byStart(22269)?.docNumber).toBe('发改高技〔2016〕1078号');
    // Signature date in Chinese numerals wins over the compiler's header date.
    expect(byStart(14218)?.date).toBe('2012-06-28');
    // Signature 2015-07-01 wins over header 2015-07-04.
    expect(byStart(34105)).toMatchObject({ docNumber: '国发〔2015〕40号', date: '2015-07-01' });
    expect(byStart(39853)?.docNumber).toBe('工厅信管〔2022〕256号');
    expect(byStart(29088)?.docNumber).toBe('2019年第2号');
    expect(byStart(45289)?.title).toContain('物联网分册');
    expect(byStart(17568)?.title).toBe('能源领域5G应用实施方案');
  });
});

describe('issuer of a plan titled without 关于', () => {
  it('takes the unit before the plan year (杭州市生态环境局2024年工作要点) and its jurisdiction', () => {
    const doc = extractText(
      '杭州市生态环境局2024年工作要点\n一、加强监管\n1.开展执法检查。（局执法支队牵头）\n',
      'plan.txt',
    ).documents[0];
    expect([doc?.issuer, doc?.jurisdiction]).toEqual(['杭州市生态环境局', '杭州市']);
  });

  it('leaves a title whose year does not follow a unit without issuer (2024年全市重点工作任务)', () => {
    const doc = extractText('2024年全市重点工作任务\n1.开展执法检查。（市执法支队牵头）\n', 'plan.txt')
      .documents[0];
    expect(doc?.issuer).toBeNull();
  });
});

describe('issuer of an over-long title at the top of a file', () => {
  it('is read from the title as for any other (…办公室关于印发…三年行动方案（2024—2026年）的通知)', () => {
    const doc = extractText(
      '温州市人民政府办公室关于印发温州市推进数字经济高质量发展三年行动方案（2024—2026年）的通知\n各县（市、区）人民政府：\n1.加快5G网络建设。（市经信局负责）\n',
      'plan.txt',
    ).documents[0];
    expect([doc?.issuer, doc?.jurisdiction]).toEqual(['温州市人民政府办公室', '温州市']);
  });
});
