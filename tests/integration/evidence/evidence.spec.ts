import { createHash } from 'node:crypto';
import type { ApiErrorDto, EvidenceDto, TaskDetailDto } from '@duban/domain';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv } from '../support/workflow-env';
import { BACKENDS, EvidenceBackend } from './evidence-backends';

const MAX_BYTES = 64 * 1024;

async function xlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('进展').addRow(['任务', '进展']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const key = (sha256: string) => `${sha256.slice(0, 2)}/${sha256}`;

describe.each(BACKENDS)('evidence files (%s storage)', (kind) => {
  let env: WorkflowEnv;
  let backend: EvidenceBackend;
  /** What the store holds: content keys plus staging leftovers. */
  const storedFiles = () => backend.stored(env.evidenceDir);

  beforeAll(async () => {
    backend = await EvidenceBackend.start(kind);
    env = await WorkflowEnv.start({ evidence: { maxBytes: MAX_BYTES, ...backend.overrides() } });
  });

  afterAll(async () => {
    await env?.stop();
    await backend?.stop();
  });

  it('stores a good file by content hash, records sha256 and serves it under its Chinese name', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const upload = await env.upload<EvidenceDto>(
      taskId,
      '附件1：推进情况报告.pdf',
      MINIMAL_PDF,
      env.users.participantOfficer,
    );
    expect(upload.status).toBe(201);
    const sha256 = createHash('sha256').update(MINIMAL_PDF).digest('hex');
    expect(upload.body).toMatchObject({
      fileName: '附件1：推进情况报告.pdf',
      mimeType: 'application/pdf',
      size: MINIMAL_PDF.length,
      sha256,
      department: { id: env.departments.B },
      uploadedBy: '乙部门干部',
    });
    expect(await storedFiles()).toEqual([key(sha256)]);
    expect(await backend.read(env.evidenceDir, key(sha256))).toEqual(MINIMAL_PDF);

    const download = await env.http('GET', `/api/evidence/${upload.body.id}`, { as: env.users.leadOfficer });
    expect(download.status).toBe(200);
    expect(download.raw).toEqual(MINIMAL_PDF);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="__1_______.pdf"; filename*=UTF-8''${encodeURIComponent('附件1：推进情况报告.pdf')}`,
    );

    const detail = await env.http<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { as: env.users.supervisor });
    expect(detail.body.evidence.map((e) => e.sha256)).toEqual([sha256]);
    expect(detail.body.history.at(-1)).toMatchObject({ action: 'evidence.uploaded', actor: '乙部门干部' });
  });

  it.each([
    [
      'an XLSX workbook',
      '统计表.xlsx',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ],
    [
      'a PNG image',
      '照片.png',
      () => Promise.resolve(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
      'image/png',
    ],
    [
      'a JPEG image',
      '照片.jpg',
      () => Promise.resolve(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])),
      'image/jpeg',
    ],
    ['UTF-8 text', '说明.txt', () => Promise.resolve(Buffer.from('工作进展说明：已完成。\n')), 'text/plain'],
  ])('accepts %s', async (_name, fileName, make, mimeType) => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const upload = await env.upload<EvidenceDto>(taskId, fileName, await make(), env.users.leadOfficer);
    expect(upload.status).toBe(201);
    expect(upload.body.mimeType).toBe(mimeType);
  });

  it('refuses an oversized file with 413 and leaves nothing behind', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const before = await storedFiles();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES + 10, 0x20)]);
    const upload = await env.upload<ApiErrorDto>(taskId, '大文件.pdf', big, env.users.leadOfficer);
    expect(upload.status).toBe(413);
    expect(upload.body.code).toBe('EVIDENCE_TOO_LARGE');
    expect(await storedFiles()).toEqual(before);
    const [{ n }] = await env.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM evidence_files WHERE task_id = $1',
      [taskId],
    );
    expect(n).toBe(0);
  });

  it.each([
    [
      'a Windows executable renamed to .pdf',
      '报告.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64), Buffer.from('PE\0\0')]),
    ],
    [
      'an ELF binary renamed to .docx',
      '方案.docx',
      Buffer.concat([Buffer.from('\x7fELF'), Buffer.alloc(32)]),
    ],
    [
      'a plain zip named .xlsx',
      '表格.xlsx',
      Buffer.from('504b0506000000000000000000000000000000000000', 'hex'),
    ],
    ['an empty file', '空.txt', Buffer.alloc(0)],
  ])('refuses %s with 415 (type by content, not by name)', async (_name, fileName, content) => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const before = await storedFiles();
    const upload = await env.upload<ApiErrorDto>(taskId, fileName, content, env.users.leadOfficer);
    expect(upload.status).toBe(415);
    expect(upload.body.code).toBe('EVIDENCE_TYPE_NOT_ALLOWED');
    expect(await storedFiles()).toEqual(before);
  });

  it.each([
    ['../../etc/passwd.txt', 'passwd.txt'],
    ['..\\..\\windows\\system32\\报告.txt', '报告.txt'],
    ['/tmp/x/../../evil.txt', 'evil.txt'],
    // The content is text: a name without an extension gets the content's.
    ['..', 'file.txt'],
  ])('keeps only a safe name for %j and never uses it as a path', async (fileName, kept) => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const content = Buffer.from(`内容 ${fileName}`);
    const upload = await env.upload<EvidenceDto>(taskId, fileName, content, env.users.leadOfficer);
    expect(upload.status).toBe(201);
    expect(upload.body.fileName).toBe(kept);
    const sha256 = createHash('sha256').update(content).digest('hex');
    expect(await storedFiles()).toContain(key(sha256));
    expect((await storedFiles()).every((f) => /^[0-9a-f]{2}\/[0-9a-f]{64}$/.test(f))).toBe(true);
  });

  it('stores identical content once but records each upload', async () => {
    const a = await env.newTask({ status: 'in_progress' });
    const b = await env.newTask({ status: 'in_progress' });
    const content = Buffer.from('同一份材料');
    const first = await env.upload<EvidenceDto>(a, '一.txt', content, env.users.leadOfficer);
    const second = await env.upload<EvidenceDto>(b, '二.txt', content, env.users.leadOfficer);
    expect(first.body.sha256).toBe(second.body.sha256);
    expect(first.body.id).not.toBe(second.body.id);
    const copies = (await storedFiles()).filter((f) => f.endsWith(first.body.sha256));
    expect(copies).toHaveLength(1);
  });

  it('requires a multipart file', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const response = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/evidence`, {
      as: env.users.leadOfficer,
      body: { file: 'x' },
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('EVIDENCE_FILE_REQUIRED');
  });

  it('refuses uploads on submitted or done tasks, and from supervisors', async () => {
    const submitted = await env.newTask({ status: 'submitted' });
    expect((await env.upload(submitted, 'a.pdf', MINIMAL_PDF, env.users.leadOfficer)).status).toBe(409);
    const open = await env.newTask({ status: 'in_progress' });
    expect((await env.upload(open, 'a.pdf', MINIMAL_PDF, env.users.supervisor)).status).toBe(403);
  });

  it("hides another department's evidence (404) and serves it to supervisors", async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const upload = await env.upload<EvidenceDto>(taskId, '内部.pdf', MINIMAL_PDF, env.users.leadOfficer);
    const other = await env.http<ApiErrorDto>('GET', `/api/evidence/${upload.body.id}`, {
      as: env.users.otherOfficer,
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('EVIDENCE_NOT_FOUND');
    expect(
      (await env.http('GET', `/api/evidence/${upload.body.id}`, { as: env.users.supervisor })).status,
    ).toBe(200);
    expect((await env.http('GET', `/api/evidence/${upload.body.id}`)).status).toBe(401);
  });
});
