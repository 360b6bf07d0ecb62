import type { ExtractedDocument, ExtractedFile, ExtractedMeasure } from '@duban/domain';
import type { DepartmentDirectory } from '../departments/departments.service';
import { candidateKeys, FileBatch, taskTextUpdate } from './import-batch';
import { titleKey } from './import-identity';

function measure(key: string, overrides: Partial<ExtractedMeasure> = {}): ExtractedMeasure {
  return {
    key,
    parentKey: null,
    path: [key],
    line: 10,
    origin: 'inline',
    title: `措施${key}`,
    text: `措施${key}的内容。`,
    lead: ['发展改革委'],
    participants: ['财政部'],
    joint: false,
    leadCanonical: ['国家发展改革委'],
    participantsCanonical: ['财政部'],
    unknownDepartments: [],
    deadline: '2027-06-30',
    deadlineText: '2027年6月底前',
    deadlineKind: 'date',
    ...overrides,
  };
}

function document(
  measures: ExtractedMeasure[],
  overrides: Partial<ExtractedDocument> = {},
): ExtractedDocument {
  return {
    docNumber: '国发〔2026〕1号',
    title: '国务院关于测试的通知',
    issuer: '国务院',
    date: '2026-01-05',
    startLine: 1,
    endLine: 40,
    sameAs: null,
    measures,
    ...overrides,
  };
}

const DEPARTMENT_IDS: Record<string, string> = { 国家发展改革委: 'd-ndrc', 财政部: 'd-mof' };
const directory = {
  resolve: (name: string) => (DEPARTMENT_IDS[name] ? { id: DEPARTMENT_IDS[name], name } : null),
} as unknown as DepartmentDirectory;
const options = { checksum: 'a'.repeat(64), actor: { id: null, name: '系统导入' } };

function file(documents: ExtractedDocument[], name = '/tmp/政策.txt'): ExtractedFile {
  return { file: name, encoding: 'utf-8', documents };
}

describe(FileBatch.name, () => {
  it('plans a new document, its tasks with their parents, assignments and audit entries', () => {
    const batch = new FileBatch(
      file([
        document([
          measure('一'),
          measure('一/1', { parentKey: '一', participantsCanonical: ['国家发展改革委'] }),
        ]),
      ]),
      options,
      directory,
    );
    batch.planDocuments();
    expect(batch.existingDocumentIds()).toEqual([]);
    batch.planTasks();
    expect(batch.sourceFile).toBe('政策.txt');
    expect(batch.newDocuments).toHaveLength(1);
    expect(batch.newDocuments[0]).toMatchObject({
      doc_number: '国发〔2026〕1号',
      title_key: titleKey('国务院关于测试的通知'),
    });
    const [parent, child] = batch.newTasks;
    expect(parent?.parent_id).toBeNull();
    expect(child?.parent_id).toBe(parent?.id);
    // A unit named as lead and participant is the lead, once.
    expect(batch.assignments.filter((a) => a.task_id === child?.id)).toEqual([
      { task_id: child?.id, department_id: 'd-ndrc', role: 'lead', position: 0 },
    ]);
    expect(batch.audit.map((a) => a.action)).toEqual(['document.imported', 'task.imported', 'task.imported']);
    expect(batch.audit[0]?.actor).toEqual(options.actor);
    expect(batch.result).toMatchObject({
      documentsCreated: 1,
      tasksCreated: 2,
      tasksUpdated: 0,
      tasksUnchanged: 0,
    });
  });

  it('re-importing matches stored tasks: unchanged text is left alone, a changed text is an update', () => {
    const doc = document([measure('一'), measure('二', { text: '改过的内容。' })]);
    const batch = new FileBatch(file([doc]), options, directory);
    batch.known = [
      {
        id: 'doc-1',
        doc_number: doc.docNumber,
        title: doc.title,
        title_key: titleKey(doc.title),
        source_file: '政策.txt',
        created: false,
      },
    ];
    batch.planDocuments();
    expect(batch.existingDocumentIds()).toEqual(['doc-1']);
    batch.existingTasks = [
      { id: 't-1', document_id: 'doc-1', measure_key: '一', text: '措施一的内容。', original_deadline: null },
      { id: 't-2', document_id: 'doc-1', measure_key: '二', text: '原来的内容。', original_deadline: null },
    ];
    batch.planTasks();
    expect(batch.newDocuments).toEqual([]);
    expect(batch.newTasks).toEqual([]);
    expect(batch.updates.map(([current]) => current.id)).toEqual(['t-2']);
    expect(batch.audit.map((a) => [a.action, a.taskId])).toEqual([['task.text_changed', 't-2']]);
    expect(batch.result).toMatchObject({
      documentsUnchanged: 1,
      tasksCreated: 0,
      tasksUpdated: 1,
      tasksUnchanged: 1,
    });
  });
});

describe(taskTextUpdate.name, () => {
  it('stores a recurring duty as ongoing (the enum has no recurring yet) and keeps its phrase', () => {
    const update = taskTextUpdate(
      measure('一', { deadline: null, deadlineText: '每季度', deadlineKind: 'recurring' }),
      'a.txt',
    );
    expect(update).toMatchObject({
      deadline: null,
      deadline_text: '每季度',
      deadline_kind: 'ongoing',
      source_file: 'a.txt',
    });
  });
});

describe(candidateKeys.name, () => {
  it('looks documents up by 文号 and title key, and the copies they name too', () => {
    const keys = candidateKeys([
      document([], { sameAs: '国发〔2025〕9号' }),
      document([], { docNumber: null, title: '甲' }),
    ]);
    expect(keys.docNumbers).toEqual(['国发〔2026〕1号', '国发〔2025〕9号']);
    expect(keys.titleKeys).toContain(titleKey('甲'));
  });
});
