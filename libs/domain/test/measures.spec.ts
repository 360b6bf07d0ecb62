import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFiles, extractText } from '../src/extractor/extract';
import type { ExtractedDocument, ExtractedMeasure } from '../src/extractor/types';

const corpusText = (name: string) =>
  readFileSync(new URL(`../../../corpus/${name}`, import.meta.url), 'utf8');

/** A document of the corpus, extracted from its own lines only (line numbers stay those of the file). */
function documentAt(file: string, line: number): ExtractedDocument {
  const result = extractText(corpusText(file), file);
  const doc = result.documents.find((d) => d.startLine <= line && line <= d.endLine);
  if (!doc) throw new Error(`no document at ${file}:${line}`);
  return doc;
}

const F000 = '000_b2e2599482101c52.txt';
const F001 = '001_dc3bc84186c37e13.txt';
const F002 = '002_a8d5c490817db3bf.txt';
const F003 = '003_8fd585837068af36.txt';

describe('measures', () => {
  it('gives one measure per annotated （一）-item in 000-01, with lead phrase and start line', () => {
    const doc = documentAt(F000, 11);
    expect(doc.measures.filter((m) => m.basis !== 'prose')).toHaveLength(22);
    // The unheaded closing paragraph after the last annotated item (各地区、各部门要…。商务部要会同有关部门加强督促检查…)
    // is a prose measure of its own (LABELLING §2); a department given the checking leads beside the others (only the
    // issuer's own follow-up takes part); its partners (会同有关部门) take part.
    expect(doc.measures.filter((m) => m.basis === 'prose').map((m) => [m.lead, m.participants])).toEqual([
      [['各地区', '各部门', '商务部'], ['有关部门']],
    ]);
    const first = doc.measures[0];
    expect(first).toMatchObject({
      key: '一/（一）',
      parentKey: null,
      path: ['一', '（一）'],
      line: 11,
      origin: 'inline',
    });
    expect(first?.title).toBe('全面实施准入前国民待遇加负面清单管理制度');
    expect(first?.text.endsWith('（国家发展改革委、商务部负责）')).toBe(true);
  });

  it('splits an item at sentence-level annotations into #n children (000-06 （十七）, five annotations)', () => {
    const doc = documentAt(F000, 560);
    const children = doc.measures.filter((m) => m.parentKey !== null && m.key.includes('#'));
    expect(children.length).toBeGreaterThan(5);
    const parent = children[0]?.parentKey ?? '';
    const group = doc.measures.filter((m) => m.parentKey === parent);
    expect(group.map((m) => m.key)).toEqual(group.map((_, i) => `${parent}#${i + 1}`));
    expect(doc.measures.some((m) => m.key === parent)).toBe(false);
  });

  it('lets numbered items inherit the annotation closing their section opening (002 二/（一）)', () => {
    const doc = documentAt(F002, 45);
    const inherited = doc.measures.filter((m) => m.parentKey === '二/（一）');
    expect(inherited.map((m) => m.key)).toEqual(['二/（一）/1.', '二/（一）/2.', '二/（一）/3.']);
    expect(doc.measures.some((m) => m.key === '二/（一）')).toBe(false);
    expect(inherited[0]?.title).toBe('强化创业创新支撑');
  });

  it('yields no annotated measure for documents without responsibility (000-04, 000-07) or for non-government material', () => {
    // Their few duty sentences (各地区、各部门要…) are read as prose duties, flagged for a check.
    const annotated = (line: number) => documentAt(F000, line).measures.filter((m) => m.basis !== 'prose');
    expect(annotated(300)).toHaveLength(0);
    expect(annotated(700)).toHaveLength(0);
    expect(documentAt(F000, 300).measures.every((m) => m.basis === 'prose')).toBe(true);
    expect(documentAt(F003, 7100).measures).toHaveLength(0);
  });

  it('ends the last measure at its annotation: the closing paragraph is not part of it (003-06)', () => {
    const measures = documentAt(F003, 3600).measures;
    const last = measures.filter((m) => m.basis !== 'prose').at(-1);
    expect(last?.line).toBe(4176);
    expect(last?.text.endsWith('等部门按照职责分工分别负责）')).toBe(true);
    expect(last?.text).not.toContain('各地区、各部门要认真落实');
    expect(last?.deadline).toBeNull();
    // The closing paragraph is read as a prose measure of its own.
    expect(measures.at(-1)).toMatchObject({ basis: 'prose', lead: ['各地区', '各部门'] });
    expect(measures.at(-1)?.text.startsWith('各地区、各部门要认真落实')).toBe(true);
  });

  it('reads deadline-only brackets as measures without departments (001-034)', () => {
    const doc = documentAt(F001, 18700);
    // The closing 三、保障措施 section names its duty holders in sentences: those are prose measures of their own.
    const annotated = doc.measures.filter((m) => m.basis !== 'prose');
    expect(annotated).toHaveLength(10);
    for (const m of annotated) expect(m).toMatchObject({ lead: [], participants: [], joint: false });
    const lastAnnotated = Math.max(...annotated.map((m) => m.line));
    expect(doc.measures.filter((m) => m.basis === 'prose').every((m) => m.line > lastAnnotated)).toBe(true);
  });

  it('rebuilds the rows of the responsibility tables', () => {
    const rows = (file: string, line: number) =>
      documentAt(file, line).measures.filter((m) => m.origin === 'table');
    const t00301 = rows(F003, 900);
    expect(t00301).toHaveLength(9);
    expect(t00301[0]).toMatchObject({ line: 884, title: '制订“十三五”医改规划', lead: ['国务院医改办'] });
    const t00307 = rows(F003, 4600);
    expect(t00307).toHaveLength(25);
    // Row 4: the task text resumes after the department and deadline cells at the next page start.
    expect(t00307[3]?.text).toContain('区战略实施，积极推动服务业双向互惠开放');
    expect(t00307[3]?.text).not.toContain('商务部牵头');
    const t001043 = rows(F001, 24300);
    expect(t001043).toHaveLength(26);
    // Row 16: the department cell is split around the page break ("…地方各级" … "人民政府").
    expect(t001043[15]?.lead.join('、')).toContain('地方各级人民政府');
  });

  it('reads the six-column work plan 001-082 as one measure per 具体举措 row under its 重点工作', () => {
    const rows = documentAt(F001, 40000).measures.filter((m) => m.origin === 'table');
    expect(rows.length).toBeGreaterThanOrEqual(130);
    expect(rows[0]).toMatchObject({
      key: '一/（一）/1.#1',
      parentKey: '一/（一）/1.',
      line: 39871,
      lead: ['工业和信息化部'],
    });
    expect(rows[2]?.lead).toEqual(['工业和信息化部', '国资委']);
    const at = (line: number) => rows.find((m) => m.line === line);
    // Text, heading and department cells side by side on one physical line; the cell completes lines later.
    expect(at(40652)).toMatchObject({ lead: ['工业和信息化部'], participants: [] });
    expect(at(40652)?.text).toContain('安全生产”解决方案。');
    expect(at(40291)).toMatchObject({ lead: ['国资委'] });
    expect(at(40298)).toMatchObject({ lead: ['国资委'] });
    // A cell wrapped inside its bureau bracket while the row text goes on (卫生健康委（规划 / 司）、工业和信息 / …).
    expect(at(41003)).toMatchObject({ lead: ['卫生健康委', '工业和信息化部'], participants: [] });
    // A second cell after a complete one is the 配合部门 column.
    expect(at(42277)).toMatchObject({ lead: ['人力资源社会保障部'], participants: ['工业和信息化部'] });
    // Letter-spaced heading fragments (工 业 互 联 网 平 台。) are not department cells.
    expect(at(40257)?.lead).toEqual(['工业和信息化部']);
    expect(rows.every((m) => m.lead.length > 0)).toBe(true);
  });

  it('makes one measure per 001-078 field block, its numbered items the checklist (issue 10)', () => {
    const doc = documentAt(F001, 38100);
    const fields = doc.measures.filter((m) => m.origin === 'field');
    expect(fields).toHaveLength(15);
    const first = fields[0];
    expect(first?.path).toEqual(['二', '（一）']);
    expect(first?.checklist).toHaveLength(5);
    expect(first?.checklist?.[0]).toMatch(/^加快工业设备网络化改造/);
    expect(first?.lead).toEqual(['工业和信息化部', '发展改革委', '应急部', '国资委']);
  });

  it('keeps a lead convention (下同) inside its own document only', () => {
    const doc10 = documentAt(F000, 1000);
    expect(doc10.measures.at(-1)?.joint).toBe(false);
    const doc11 = documentAt(F000, 1150);
    // No annotation there (its duty sentences are prose duties, which no convention touches).
    expect(doc11.measures.filter((m) => m.basis !== 'prose')).toHaveLength(0);
    const doc01 = documentAt(F000, 11);
    expect(doc01.measures[0]?.joint).toBe(true);
  });
});

describe('copies of one document in the corpus', () => {
  const names = [F000, F001, F002, F003, '004_ff157b712ff628f7.txt'];
  const files = extractFiles(
    names.map((name) => ({ name, bytes: new TextEncoder().encode(corpusText(name)) })),
  ).files;
  const docs = files.flatMap((f) => f.documents.map((d) => ({ file: f.file, doc: d })));
  const signature = (m: ExtractedMeasure) =>
    JSON.stringify([m.leadCanonical, m.participantsCanonical, m.deadline, m.deadlineKind]);
  const multiset = (doc: ExtractedDocument) => doc.measures.map(signature).sort();
  const firstCopy = (doc: ExtractedDocument) =>
    docs.find((d) => d.doc.sameAs === null && (d.doc.docNumber ?? d.doc.title) === doc.sameAs)?.doc;
  const copies = docs.filter((d) => d.doc.sameAs !== null);

  it('recognises the copies listed in catalogue §4', () => {
    expect(copies.map((d) => `${d.file.slice(0, 3)}:${d.doc.startLine}`)).toEqual([
      '001:20097', // 000-07 国发〔2017〕35号
      '001:33424', // 000-11 (no 文号)
      '001:35135', // 000-10
      '001:37763', // 000-06
      '002:1', // 001-069 (truncated reprint)
      '003:937', // 001-076
      '003:2120', // 001-069
      '003:3490', // 001-072
      '003:5044', // 001-054
      '004:1020', // 001-069
    ]);
  });

  it('finds measures only in the documents with annotations, tables or fields (catalogue §5.13, §3)', () => {
    // Every other document of the corpus (plans, notices, the non-government material) has no responsibility.
    // Duties read from sentences of documents without annotations (basis: prose) are not counted here.
    const withMeasures = docs
      .filter((d) => d.doc.measures.some((m) => m.basis !== 'prose'))
      .map((d) => `${d.file.slice(0, 3)}:${d.doc.startLine}`);
    expect(withMeasures).toEqual([
      '000:1',
      '000:57',
      '000:126',
      '000:428',
      '000:542',
      '000:982',
      '001:18657',
      '001:23754',
      '001:26603',
      '001:34105',
      '001:35135',
      '001:35780',
      '001:37192',
      '001:37474',
      '001:37763',
      '001:37997',
      '001:39853',
      '002:1',
      '003:1',
      '003:937',
      '003:2120',
      '003:3490',
      '003:4210',
      '004:1020',
    ]);
  });

  // The responsibility of a measure must not depend on which copy of a document was imported.
  for (const { file, doc } of copies) {
    it(`${file.slice(0, 3)} L${doc.startLine} (${doc.docNumber ?? doc.title}) yields the measures of its first copy`, () => {
      const first = firstCopy(doc);
      expect(first).toBeDefined();
      const expected = first ? multiset(first) : [];
      const actual = multiset(doc);
      if (doc.docNumber === null && file.startsWith('002')) {
        // 002-01 is a truncated reprint (ends in 二、（八）4.): its measures are a part of the full copy's.
        expect(actual.length).toBeGreaterThanOrEqual(8);
        const pool = [...expected];
        for (const s of actual) {
          const at = pool.indexOf(s);
          expect(at, s).toBeGreaterThanOrEqual(0);
          pool.splice(at, 1);
        }
      } else {
        expect(actual).toEqual(expected);
      }
    });
  }
});
