/**
 * Evidence beyond type checks: active content refused, names that follow the content, quotas,
 * deleting one's own file before 报办结, and a participant's file not counting for the lead.
 */
import { createHash } from 'node:crypto';
import type { ApiErrorDto, EvidenceDto, TaskDetailDto } from '@duban/domain';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINIMAL_PDF, WorkflowEnv } from '../support/workflow-env';
import { BACKENDS, EvidenceBackend } from './evidence-backends';

async function docx(withMacro: boolean): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types/>');
  zip.file('word/document.xml', '<w:document/>');
  if (withMacro) zip.file('word/vbaProject.bin', Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe.each(BACKENDS)('evidence hardening (%s storage)', (kind) => {
  let env: WorkflowEnv;
  let backend: EvidenceBackend;

  beforeAll(async () => {
    backend = await EvidenceBackend.start(kind);
    env = await WorkflowEnv.start({
      evidence: { maxBytes: 64 * 1024, taskQuotaBytes: 100_000, ...backend.overrides() },
    });
  });
  afterAll(async () => {
    await env?.stop();
    await backend?.stop();
  });

  it.each([
    ['通知.html', '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'],
    ['图.svg', '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'],
    ['run.sh', '#!/bin/sh\nrm -rf /\n'],
    ['说明.txt', '正文<script src="//evil"></script>'],
  ])('refuses active content %s (415) and keeps nothing', async (name, text) => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const res = await env.upload<ApiErrorDto>(taskId, name, Buffer.from(text), env.users.leadOfficer);
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('EVIDENCE_ACTIVE_CONTENT');
    const [row] = await env.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM evidence_files WHERE task_id = $1`,
      [taskId],
    );
    expect(row?.n).toBe(0);
  });

  it('refuses a macro-bearing DOCX and accepts the same file without macros', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const macro = await env.upload<ApiErrorDto>(taskId, '报告.docx', await docx(true), env.users.leadOfficer);
    expect(macro.status).toBe(415);
    expect(macro.body.message).toContain('宏');
    const clean = await env.upload<EvidenceDto>(
      taskId,
      '报告.docx',
      await docx(false),
      env.users.leadOfficer,
    );
    expect(clean.status).toBe(201);
  });

  it('keeps a name whose extension follows the content', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const renamed = await env.upload<EvidenceDto>(
      taskId,
      '进展.exe',
      Buffer.from('本月完成部署。'),
      env.users.leadOfficer,
    );
    expect(renamed.body.fileName).toBe('进展.txt');
    const pdf = await env.upload<EvidenceDto>(taskId, '附件', MINIMAL_PDF, env.users.leadOfficer);
    expect(pdf.body.fileName).toBe('附件.pdf');
    const kept = await env.upload<EvidenceDto>(
      taskId,
      '照片.JPEG',
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]),
      env.users.leadOfficer,
    );
    expect(kept.body.fileName).toBe('照片.JPEG');
  });

  it('refuses an upload past the task quota with the space used, and deleting frees it', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const big = Buffer.alloc(60_000, 'a');
    const first = await env.upload<EvidenceDto>(taskId, 'a.txt', big, env.users.leadOfficer);
    expect(first.status).toBe(201);
    const second = await env.upload<ApiErrorDto>(taskId, 'b.txt', big, env.users.leadOfficer);
    expect(second.status).toBe(413);
    expect(second.body.code).toBe('EVIDENCE_QUOTA_EXCEEDED');
    expect(second.body.message).toContain('已用');
    const stored = `${first.body.sha256.slice(0, 2)}/${first.body.sha256}`;
    expect(first.body.sha256).toBe(createHash('sha256').update(big).digest('hex'));
    expect(await backend.stored(env.evidenceDir)).toContain(stored);
    const removed = await env.http('DELETE', `/api/evidence/${first.body.id}`, { as: env.users.leadOfficer });
    expect(removed.status).toBe(204);
    // The last reference went: the content goes from the store too.
    expect(await backend.stored(env.evidenceDir)).not.toContain(stored);
    expect((await env.upload(taskId, 'b.txt', big, env.users.leadOfficer)).status).toBe(201);
    expect(await env.auditActions(taskId)).toEqual(expect.arrayContaining(['evidence.deleted']));
  });

  it('deletes only before 报办结, only a file of one’s own department', async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    const mine = await env.upload<EvidenceDto>(taskId, '甲.pdf', MINIMAL_PDF, env.users.leadOfficer);
    const theirs = await env.upload<EvidenceDto>(
      taskId,
      '乙.txt',
      Buffer.from('乙部门材料'),
      env.users.participantOfficer,
    );
    expect(
      (await env.http('DELETE', `/api/evidence/${theirs.body.id}`, { as: env.users.leadOfficer })).status,
    ).toBe(403);
    const submitted = await env.http<TaskDetailDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '已完成' },
    });
    expect(submitted.status).toBe(200);
    const late = await env.http<ApiErrorDto>('DELETE', `/api/evidence/${mine.body.id}`, {
      as: env.users.leadOfficer,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('EVIDENCE_DELETE_FORBIDDEN');
  });

  it("does not count a participant's file for the lead's 报办结", async () => {
    const taskId = await env.newTask({ status: 'in_progress' });
    await env.upload(taskId, '乙.txt', Buffer.from('参与部门材料'), env.users.participantOfficer);
    const refused = await env.http<ApiErrorDto>('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '已完成' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('TASK_EVIDENCE_REQUIRED');
    await env.upload(taskId, '甲.pdf', MINIMAL_PDF, env.users.leadOfficer);
    const accepted = await env.http('POST', `/api/tasks/${taskId}/submit`, {
      as: env.users.leadOfficer,
      body: { summary: '已完成' },
    });
    expect(accepted.status).toBe(200);
  });
});
