/**
 * Malformed input answers 400 with a zh-CN message and stores nothing: NUL bytes, lone surrogates,
 * impossible dates, absurd page numbers, broken multipart bodies, dates beyond any plan.
 */
import type { ApiErrorDto, TaskDetailDto } from '@duban/domain';
import { FIXTURE_A } from '../imports/fixtures';
import { createTestApp, importFixture, loginAs, seedDepartments, type TestApp } from '../support/harness';

describe('malformed input', () => {
  let t: TestApp;
  let officer: string;
  let taskId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    await importFixture(t, FIXTURE_A);
    officer = await loginAs(t, 'officer', '审计署');
    const [row] = await t.dataSource.query<{ id: string }[]>(
      `SELECT id FROM tasks WHERE title LIKE '开展专项督查%'`,
    );
    taskId = row?.id ?? '';
  });
  afterAll(() => t.close());

  const expect400 = (res: { status: number; body: unknown }, code?: string) => {
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect((res.body as ApiErrorDto).message).toMatch(/[\u4e00-\u9fff]/u);
    if (code) expect((res.body as ApiErrorDto).code).toBe(code);
  };
  const UNSTORABLE = 'INPUT_UNSTORABLE_CHARACTER';
  const rawJson = (method: string, path: string, json: string, token = officer) =>
    t.request<ApiErrorDto>(method, path, {
      token,
      body: json,
      headers: { 'content-type': 'application/json' },
    });

  it('refuses a NUL byte in a report, a search and a login name, and stores nothing', async () => {
    expect400(
      await t.request('POST', `/api/tasks/${taskId}/progress`, {
        token: officer,
        body: { text: '已完成\u0000部署' },
      }),
      UNSTORABLE,
    );
    expect400(
      await t.request('GET', `/api/tasks?q=${encodeURIComponent('督查\u0000')}`, { token: officer }),
      UNSTORABLE,
    );
    expect400(
      await t.request('POST', '/api/auth/login', { body: { username: 'a\u0000b', password: 'x' } }),
      UNSTORABLE,
    );
    const task = await t.request<TaskDetailDto>('GET', `/api/tasks/${taskId}`, { token: officer });
    expect(task.body.reports).toEqual([]);
  });

  it('refuses a lone surrogate in JSON', async () => {
    expect400(await rawJson('POST', `/api/tasks/${taskId}/progress`, '{"text":"进展\\ud800"}'), UNSTORABLE);
    // A well-formed pair (an emoji) is text like any other.
    expect(
      (await rawJson('POST', `/api/tasks/${taskId}/progress`, '{"text":"进展顺利\\ud83d\\udc4d"}')).status,
    ).toBe(200);
  });

  it('refuses impossible dates and page numbers beyond any list', async () => {
    expect.hasAssertions();
    expect400(await t.request('GET', '/api/tasks?dueBefore=2026-02-30', { token: officer }));
    expect400(await t.request('GET', '/api/tasks?dueAfter=2026-13-01', { token: officer }));
    expect400(await t.request('GET', '/api/tasks?page=99999999999999999999', { token: officer }));
    expect400(
      await t.request('POST', `/api/tasks/${taskId}/extension`, {
        token: officer,
        body: { reason: '需要更多时间', requestedDeadline: '2027-02-29' },
      }),
    );
    expect400(
      await t.request('POST', `/api/tasks/${taskId}/extension`, {
        token: officer,
        body: { reason: '需要更多时间', requestedDeadline: '9999-12-31' },
      }),
    );
  });

  it('refuses a multipart body without a boundary or cut short', async () => {
    expect400(
      await t.request('POST', `/api/tasks/${taskId}/evidence`, {
        token: officer,
        body: 'garbage',
        headers: { 'content-type': 'multipart/form-data' },
      }),
    );
    const boundary = '----duban';
    const truncated = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 partial`;
    expect400(
      await t.request('POST', `/api/tasks/${taskId}/evidence`, {
        token: officer,
        body: truncated,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      }),
      'UPLOAD_MALFORMED',
    );
    const [files] = await t.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM evidence_files`,
    );
    expect(files?.n).toBe(0);
  });
});
