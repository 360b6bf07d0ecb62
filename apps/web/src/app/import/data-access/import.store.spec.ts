import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CorrectedImportPreviewDto, ImportJobDto, ImportPreviewDto } from '@duban/domain/contract';
import { flushMicrotasks } from '../../../testing/fixtures';
import { IMPORT_POLL_MS, ImportStore, MAX_IMPORT_BYTES } from './import.store';

const preview: ImportPreviewDto = {
  id: 'imp-1',
  fileName: '000.txt',
  encoding: 'utf-8',
  documents: [
    {
      docNumber: '国发〔2017〕39号',
      title: '国务院关于促进外资增长若干措施的通知',
      issuer: '国务院',
      date: '2017-08-08',
      measureCount: 22,
      existing: { id: 'doc-1', title: '国务院关于促进外资增长若干措施的通知' },
      sameAs: null,
    },
    {
      docNumber: '国办发〔2018〕1号',
      title: '国务院办公厅关于推进电子商务与快递物流协同发展的意见',
      issuer: '国务院办公厅',
      date: '2018-01-02',
      measureCount: 28,
      existing: null,
      sameAs: null,
    },
  ],
  measures: [
    {
      documentIndex: 0,
      key: 'm1',
      line: 11,
      title: '全面实施准入前国民待遇',
      lead: ['国家发展改革委', '商务部'],
      participants: [],
      deadline: null,
      deadlineText: null,
      milestones: [],
      checklist: [],
      unknownDepartments: [],
    },
    {
      documentIndex: 1,
      key: 'm2',
      line: 560,
      title: '完善快递末端网点备案',
      lead: ['邮政局'],
      participants: ['某新设办公室'],
      deadline: '2018-12-31',
      deadlineText: '年内',
      milestones: [],
      checklist: [],
      unknownDepartments: ['某新设办公室'],
    },
  ],
  unknownDepartments: [
    { name: '某新设办公室', occurrences: 1 },
    { name: '另一个未知单位', occurrences: 3 },
  ],
  expiresAt: '2026-11-22T06:00:00Z',
};

function job(patch: Partial<ImportJobDto>): ImportJobDto {
  return {
    id: 'job-1',
    fileName: '000.txt',
    sizeBytes: 100,
    status: 'queued',
    percent: 0,
    documentsDone: 0,
    documentsTotal: 0,
    measuresFound: 0,
    error: null,
    preview: null,
    createdAt: '2026-11-22T05:00:00Z',
    durationMs: null,
    ...patch,
  };
}

function textFile(name: string, size = 100): File {
  const f = new File(['一、总体要求'], name, { type: 'text/plain' });
  Object.defineProperty(f, 'size', { value: size });
  return f;
}

describe('ImportStore', () => {
  let store: ImportStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), ImportStore],
    });
    store = TestBed.inject(ImportStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  afterEach(() => vi.useRealTimers());

  /** Uploads, then answers the job polls: queued → extracting 45 % → ready with the preview. */
  async function upload(): Promise<void> {
    vi.useFakeTimers();
    const done = store.upload(textFile('000.txt'));
    const req = http.expectOne('/api/imports');
    expect((req.request.body as FormData).get('file')).toBeInstanceOf(File);
    req.event({ type: HttpEventType.UploadProgress, loaded: 50, total: 100 });
    expect(store.progress()).toBe(50);
    req.flush(job({}));
    await flushMicrotasks();
    expect(store.job()?.status).toBe('queued');
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS);
    http
      .expectOne('/api/imports/jobs/job-1')
      .flush(
        job({ status: 'extracting', percent: 45, documentsDone: 1, documentsTotal: 2, measuresFound: 22 }),
      );
    await flushMicrotasks();
    expect(store.job()).toMatchObject({ status: 'extracting', percent: 45 });
    expect(store.uploading()).toBe(true);
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS);
    http.expectOne('/api/imports/jobs/job-1').flush(job({ status: 'ready', percent: 100, preview }));
    await done;
    vi.useRealTimers();
  }

  it('shows the zh-CN error of a failed extraction job', async () => {
    vi.useFakeTimers();
    const done = store.upload(textFile('scan.txt'));
    http.expectOne('/api/imports').flush(job({}));
    await flushMicrotasks();
    await vi.advanceTimersByTimeAsync(IMPORT_POLL_MS);
    http.expectOne('/api/imports/jobs/job-1').flush(
      job({
        status: 'failed',
        error: { code: 'IMPORT_NOT_TEXT', message: '文件“scan.txt”不是文本文件', statusCode: 415 },
      }),
    );
    await done;
    expect(store.error()).toBe('文件“scan.txt”不是文本文件');
    expect(store.preview()).toBeNull();
    expect(store.uploading()).toBe(false);
  });

  it('uploads the file, then exposes the preview, its duplicates and the unmapped names', async () => {
    await upload();
    expect(store.preview()?.measures).toHaveLength(2);
    expect(store.duplicates()).toBe(1);
    expect(store.unmapped()).toBe(2);
    expect(store.uploading()).toBe(false);
  });

  it('refuses files that are not .txt or too big without uploading', async () => {
    await store.upload(textFile('policy.docx'));
    expect(store.error()).toContain('.txt');
    await store.upload(textFile('big.txt', MAX_IMPORT_BYTES + 1));
    expect(store.error()).toContain('文件太大');
    http.expectNone('/api/imports');
  });

  it('commits with a mapping per unknown name: chosen department, or create', async () => {
    await upload();
    store.setMapping('某新设办公室', 'dep-post');
    expect(store.unmapped()).toBe(1);
    const done = store.commit();
    const req = http.expectOne('/api/imports/imp-1/commit');
    expect(req.request.body).toEqual({
      mappings: [
        { name: '某新设办公室', departmentId: 'dep-post' },
        { name: '另一个未知单位', create: true },
      ],
    });
    req.flush({
      documentsCreated: 1,
      documentsUnchanged: 1,
      tasksCreated: 28,
      tasksUpdated: 0,
      tasksUnchanged: 22,
    });
    await done;
    expect(store.result()?.tasksCreated).toBe(28);
    expect(store.committing()).toBe(false);
  });

  it('shows the API message when the preview has expired', async () => {
    await upload();
    const done = store.commit();
    http
      .expectOne('/api/imports/imp-1/commit')
      .flush(
        { statusCode: 410, code: 'IMPORT_PREVIEW_EXPIRED', message: '预览已过期，请重新上传文件' },
        { status: 410, statusText: 'Gone' },
      );
    await done;
    await flushMicrotasks();
    expect(store.error()).toBe('预览已过期，请重新上传文件');
    expect(store.result()).toBeNull();
  });

  it('stores a correction and shows the corrected preview, keeping the mappings chosen so far', async () => {
    await upload();
    store.setMapping('某新设办公室', 'dep-post');
    const corrected: CorrectedImportPreviewDto = {
      ...preview,
      measures: preview.measures.map((m, i) => ({
        ...m,
        ref: `${m.line}-abc`,
        corrected: i === 0 ? 'edited' : null,
        title: i === 0 ? '改过的标题' : m.title,
      })),
      unknownDepartments: [...preview.unknownDepartments, { name: '新写的单位', occurrences: 1 }],
      corrections: [],
      diagnoses: [],
    };
    const done = store.correct({ kind: 'edit', ref: '11-abc', title: '改过的标题' });
    const req = http.expectOne('/api/imports/imp-1/corrections');
    expect(req.request.body).toEqual({ kind: 'edit', ref: '11-abc', title: '改过的标题' });
    req.flush(corrected);
    expect(await done).toBeNull();
    expect(store.preview()?.measures[0]).toMatchObject({ corrected: 'edited', title: '改过的标题' });
    expect(store.mappings()).toEqual({ 某新设办公室: 'dep-post', 另一个未知单位: '', 新写的单位: '' });
  });

  it('answers the zh-CN reason when a correction is refused, and leaves the preview as it was', async () => {
    await upload();
    const done = store.correct({ kind: 'edit', ref: '11-abc', deadline: '2099-02-30' });
    http.expectOne('/api/imports/imp-1/corrections').flush(
      {
        statusCode: 400,
        code: 'IMPORT_CORRECTION_DATE_INVALID',
        message: '完成时限“2099-02-30”不是有效日期',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    expect(await done).toBe('完成时限“2099-02-30”不是有效日期');
    expect(store.preview()?.measures[0]?.title).toBe('全面实施准入前国民待遇');
  });
});
