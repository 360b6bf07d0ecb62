import type { ExtractedDocument, ExtractedFile, ExtractedMeasure } from '@duban/domain';
import { planCopies } from './copy-plan';

const measure = (key: string): ExtractedMeasure => ({
  key,
  parentKey: null,
  path: [key],
  line: 1,
  origin: 'inline',
  title: key,
  text: key,
  lead: [],
  participants: [],
  joint: false,
  leadCanonical: [],
  participantsCanonical: [],
  unknownDepartments: [],
  deadline: null,
  deadlineText: null,
  deadlineKind: null,
});

const doc = (
  docNumber: string | null,
  title: string,
  measures: number,
  sameAs: string | null = null,
): ExtractedDocument => ({
  docNumber,
  title,
  issuer: null,
  date: null,
  startLine: 1,
  endLine: 2,
  sameAs,
  measures: Array.from({ length: measures }, (_, i) => measure(`m${i}`)),
});

const file = (name: string, documents: ExtractedDocument[]): ExtractedFile => ({
  file: name,
  encoding: 'utf-8',
  documents,
});

describe(planCopies.name, () => {
  it('makes the copy with the most measures authoritative, wherever it comes in the run', () => {
    const plan = planCopies([
      file('a.txt', [doc('国发〔2015〕40号', '意见', 30)]),
      file('b.txt', [doc('国发〔2015〕40号', '意见', 65, '国发〔2015〕40号'), doc(null, '其他', 3)]),
    ]);
    expect(plan.primaries.map((f) => f.documents.map((d) => d.measures.length))).toEqual([[], [65, 3]]);
    expect(plan.copies[0]?.documents).toHaveLength(1);
    expect(plan.copies[0]?.documents[0]?.sameAs).toBe('国发〔2015〕40号');
    expect(plan.primaries[1]?.documents[0]?.sameAs).toBeNull();
  });

  it('keeps the first copy on a tie and leaves unrelated documents alone', () => {
    const plan = planCopies([
      file('a.txt', [doc(null, '通知', 4), doc('X号', 'x', 1)]),
      file('b.txt', [doc(null, '通知', 4, '通知')]),
    ]);
    expect(plan.primaries[0]?.documents.map((d) => d.title)).toEqual(['通知', 'x']);
    expect(plan.primaries[1]?.documents).toEqual([]);
    expect(plan.copies[1]?.documents[0]?.sameAs).toBe('通知');
  });
});
