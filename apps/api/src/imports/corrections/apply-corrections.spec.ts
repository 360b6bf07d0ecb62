import type { ExtractedFile, ExtractedMeasure } from '@duban/domain';
import { applyCorrections, deadlineTextOf, measureRef, titleFromText } from './apply-corrections';
import { correctionPayload } from './corrections.service';

const measure = (
  line: number,
  text: string,
  lead: string[],
  deadline: string | null = null,
): ExtractedMeasure => ({
  key: `m${line}`,
  parentKey: null,
  path: [],
  line,
  origin: 'inline',
  title: titleFromText(text),
  text,
  lead,
  participants: [],
  joint: false,
  leadCanonical: lead,
  participantsCanonical: [],
  unknownDepartments: [],
  deadline,
  deadlineText: deadline,
  deadlineKind: deadline ? 'date' : null,
});

const LINES = [
  '通知',
  '',
  '（一）建立台账。（商务部负责）',
  '（二）加强保障，',
  '统筹经费。（财政部负责）',
  '（三）归档数据。',
];

const file = (): ExtractedFile => ({
  file: 'a.txt',
  encoding: 'utf-8',
  documents: [
    {
      docNumber: null,
      title: '通知',
      issuer: null,
      date: null,
      startLine: 1,
      endLine: 6,
      sameAs: null,
      measures: [
        measure(3, '（一）建立台账。（商务部负责）', ['商务部'], '2099-12-31'),
        measure(4, '（二）加强保障，统筹经费。（财政部负责）', ['财政部'], '2099-06-30'),
      ],
    },
  ],
});

describe('applyCorrections', () => {
  it('lists a document’s measures in document order, whatever stage found them', () => {
    const f = file();
    f.documents[0]?.measures.reverse();
    const out = applyCorrections(f, LINES, []);
    expect(out.file.documents[0]?.measures.map((m) => m.line)).toEqual([3, 4]);
  });

  it('names measures by line and text, so an edit keeps the ref', () => {
    const f = file();
    const [a] = f.documents[0]?.measures ?? [];
    const ref = measureRef(3, a?.text ?? '');
    expect(ref).toMatch(/^3-[0-9a-f]{10}$/);
    // Spacing and ASCII punctuation are not a different text.
    expect(measureRef(3, '（一）建立台账. （商务部负责）'.replace('.', '。'))).toBe(ref);
    const out = applyCorrections(f, null, [
      { id: 'c1', kind: 'edit', payload: { ref, title: '新标题', deadline: '2099-03-31' } },
    ]);
    const edited = out.file.documents[0]?.measures[0];
    expect(edited).toMatchObject({
      title: '新标题',
      deadline: '2099-03-31',
      deadlineText: '2099年3月31日前',
    });
    expect(out.marks.get(edited)).toEqual({ ref, corrected: 'edited' });
    expect(out.problems.get('c1')).toBeNull();
    // The extraction itself is left as it was.
    expect(f.documents[0]?.measures[0]?.title).toBe('建立台账');
  });

  it('adds from lines, merges neighbours, splits at a line, and reports what no longer applies', () => {
    const f = file();
    const [a, b] = (f.documents[0]?.measures ?? []).map((m) => measureRef(m.line, m.text));
    const out = applyCorrections(f, LINES, [
      { id: 'add', kind: 'add', payload: { fromLine: 6, toLine: 6, lead: ['档案局'], deadline: null } },
      { id: 'split', kind: 'split', payload: { ref: b, atLine: 5 } },
      { id: 'merge', kind: 'merge', payload: { ref: a, withRef: b } },
      { id: 'gone', kind: 'drop', payload: { ref: '9-0000000000' } },
    ]);
    const measures = out.file.documents[0]?.measures ?? [];
    expect(measures.map((m) => [m.line, m.title, m.leadCanonical, m.deadline])).toEqual([
      [3, '建立台账', ['商务部', '财政部'], '2099-12-31'],
      [5, '统筹经费', ['财政部'], '2099-06-30'],
      [6, '归档数据', ['档案局'], null],
    ]);
    expect(measures.map((m) => out.marks.get(m)?.corrected)).toEqual(['merged', 'split', 'added']);
    expect(out.problems.get('gone')?.code).toBe('IMPORT_CORRECTION_MEASURE_MISSING');
    expect([...out.problems].filter(([, p]) => p).map(([id]) => id)).toEqual(['gone']);
  });

  it('needs the source for lines, and adjacent measures to merge', () => {
    const f = file();
    const [a, b] = (f.documents[0]?.measures ?? []).map((m) => measureRef(m.line, m.text));
    const out = applyCorrections(f, null, [
      { id: 'add', kind: 'add', payload: { fromLine: 6, toLine: 6, lead: ['档案局'] } },
      { id: 'merge', kind: 'merge', payload: { ref: b, withRef: a } },
    ]);
    expect(out.problems.get('add')?.code).toBe('IMPORT_CORRECTION_NO_SOURCE');
    expect(out.problems.get('merge')?.code).toBe('IMPORT_CORRECTION_NOT_ADJACENT');
    expect(deadlineTextOf(null)).toBeNull();
  });

  it('sets milestones on an edit and an added measure, and refuses one after the deadline in force', () => {
    const f = file();
    const [a, b] = (f.documents[0]?.measures ?? []).map((m) => measureRef(m.line, m.text));
    const steps = [{ date: '2099-06-30', text: '完成方案' }];
    const out = applyCorrections(f, LINES, [
      { id: 'edit', kind: 'edit', payload: { ref: a, milestones: steps } },
      { id: 'late', kind: 'edit', payload: { ref: b, milestones: [{ date: '2099-09-30', text: '试点' }] } },
      {
        id: 'add',
        kind: 'add',
        payload: { fromLine: 6, toLine: 6, lead: ['档案局'], deadline: '2099-12-31', milestones: steps },
      },
    ]);
    const measures = out.file.documents[0]?.measures ?? [];
    expect(measures.map((m) => [m.line, m.deadline, m.milestones])).toEqual([
      [3, '2099-12-31', steps],
      [4, '2099-06-30', undefined],
      [6, '2099-12-31', steps],
    ]);
    expect(out.problems.get('late')?.code).toBe('IMPORT_CORRECTION_MILESTONE_AFTER_DEADLINE');
    expect(out.problems.get('late')?.message).toContain('不能晚于完成时限');
  });
});

describe('correctionPayload: milestones', () => {
  it('trims and orders the steps, and says in zh-CN what is wrong with a bad one', () => {
    expect(
      correctionPayload({
        kind: 'edit',
        ref: '3-abc',
        milestones: [
          { date: '2099-09-30', text: ' 推广 ' },
          { date: '2099-03-31', text: '试点' },
        ],
      }),
    ).toEqual({
      ref: '3-abc',
      milestones: [
        { date: '2099-03-31', text: '试点' },
        { date: '2099-09-30', text: '推广' },
      ],
    });
    const refusal = (milestones: { date: string; text: string }[], deadline?: string) => {
      try {
        correctionPayload({ kind: 'edit', ref: '3-abc', milestones, deadline });
        return null;
      } catch (err) {
        return (err as { code: string; message: string }).message;
      }
    };
    expect(refusal([{ date: '2099-02-30', text: '试点' }])).toContain('不是有效日期');
    expect(refusal([{ date: '2099-03-31', text: ' ' }])).toContain('须写明要完成的内容');
    expect(refusal([{ date: '2099-10-31', text: '试点' }], '2099-06-30')).toContain('不能晚于完成时限');
  });
});
