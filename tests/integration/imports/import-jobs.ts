import type { ImportJobDto } from '@duban/domain';
import type { ApiResponse, TestApp } from '../support/harness';

export function upload(text: string | Uint8Array, fileName = 'a.txt'): FormData {
  const form = new FormData();
  form.append('file', new Blob([typeof text === 'string' ? text : Buffer.from(text)]), fileName);
  return form;
}

/** Polls GET /api/imports/jobs/:id until the job is ready or failed (or `timeoutMs` passes). */
export async function waitForImportJob(
  target: TestApp | string,
  token: string,
  id: string,
  onPoll?: (job: ImportJobDto) => void,
  timeoutMs = 120_000,
): Promise<ImportJobDto> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const baseUrl = typeof target === 'string' ? target : target.baseUrl;
    const res = await fetch(`${baseUrl}/api/imports/jobs/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as ImportJobDto }));
    if (res.status !== 200) throw new Error(`GET job ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    onPoll?.(res.body);
    if (res.body.status === 'ready' || res.body.status === 'failed') return res.body;
    if (Date.now() > deadline)
      throw new Error(`import job ${id} still ${res.body.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** POST /api/imports, then waits for the job: the accepted response and the finished job. */
export async function uploadAndWait(
  t: TestApp,
  token: string,
  form: FormData,
): Promise<{ accepted: ApiResponse<ImportJobDto>; job: ImportJobDto }> {
  const accepted = await t.request<ImportJobDto>('POST', '/api/imports', { token, body: form });
  if (accepted.status !== 202)
    throw new Error(`POST /api/imports: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return { accepted, job: await waitForImportJob(t, token, accepted.body.id) };
}
