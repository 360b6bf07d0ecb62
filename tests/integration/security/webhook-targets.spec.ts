/**
 * Webhook targets (SSRF, issue 9): refused at creation and again at delivery (DNS rebinding), no
 * redirects followed, nothing of the receiver's answer echoed. Uses the real API and real HTTP servers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiErrorDto } from '@duban/domain';
import { WebhookTransport } from '../../../apps/api/src/notifications/webhook-http';
import { WebhookTargetError, WebhookTargetPolicy } from '../../../apps/api/src/notifications/webhook-target';
import { createTestApp, departmentByName, loginAs, seedDepartments, type TestApp } from '../support/harness';

const SECRET = 'a-very-long-shared-secret-0123456789';

function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; port: number }> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port })),
  );
}

describe('webhook targets', () => {
  let t: TestApp;
  let admin: string;
  let departmentId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await seedDepartments(t);
    admin = await loginAs(t, 'admin');
    departmentId = (await departmentByName(t, '商务部')).id;
  });
  afterAll(() => t.close());

  const create = (url: string) =>
    t.request<ApiErrorDto>('POST', '/api/admin/webhooks', {
      token: admin,
      body: { departmentId, url, secret: SECRET },
    });

  it.each([
    'http://127.0.0.1:5432/',
    'http://localhost:6379/',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:3000/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0.0.0.0:80/',
    'http://[::ffff:127.0.0.1]/',
    'http://10.1.2.3/hook',
    'http://192.168.1.10/hook',
    'http://user:pass@example.com/hook',
  ])('refuses %s at creation with a zh-CN reason', async (url) => {
    const res = await create(url);
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/u);
    // Either the URL validator (odd numeric forms) or the target policy refuses it.
    expect(['WEBHOOK_TARGET_FORBIDDEN', 'VALIDATION_FAILED']).toContain(res.body.code);
  });

  it('refuses a hostname that resolves to loopback, at creation and at delivery', async () => {
    // localhost resolves to 127.0.0.1 / ::1 through the system resolver, as a rebinding name would.
    expect((await create('http://localhost/hook')).status).toBe(400);
    const transport = new WebhookTransport(new WebhookTargetPolicy([]));
    try {
      await expect(
        transport.post({
          url: 'http://localhost:9/hook',
          secret: SECRET,
          dedupeKey: 'k',
          body: '{}',
          timeoutMs: 2000,
        }),
      ).rejects.toBeInstanceOf(WebhookTargetError);
    } finally {
      transport.close();
    }
  });

  it('allows internal ranges only when listed, and then delivers signed with a timestamp', async () => {
    const seen: Record<string, string | string[] | undefined>[] = [];
    const { server, port } = await listen((req, res) => {
      seen.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    const open = new WebhookTransport(new WebhookTargetPolicy(['127.0.0.1/32']));
    try {
      await open.post({
        url: `http://127.0.0.1:${port}/hook`,
        secret: SECRET,
        dedupeKey: 'k1',
        body: '{"a":1}',
        timeoutMs: 2000,
      });
      expect(seen).toHaveLength(1);
      expect(Number(seen[0]?.['x-duban-timestamp'])).toBeGreaterThan(1_700_000_000);
      expect(String(seen[0]?.['x-duban-signature'])).toMatch(/^sha256=[0-9a-f]{64}$/);
      // Checked again at delivery: a target stored while allowed is refused once the list changes.
      const closed = new WebhookTransport(new WebhookTargetPolicy([]));
      await expect(
        closed.post({
          url: `http://127.0.0.1:${port}/hook`,
          secret: SECRET,
          dedupeKey: 'k2',
          body: '{}',
          timeoutMs: 2000,
        }),
      ).rejects.toBeInstanceOf(WebhookTargetError);
      closed.close();
      expect(seen).toHaveLength(1);
    } finally {
      open.close();
      server.close();
    }
  });

  it('follows no redirect (not even to an allowed host) and never echoes the answer', async () => {
    let redirectedHits = 0;
    const target = await listen((_req, res) => {
      redirectedHits++;
      res.writeHead(204).end();
    });
    const redirector = await listen((req, res) => {
      req.resume();
      res.writeHead(302, { location: `http://127.0.0.1:${target.port}/` }).end('SECRET-BODY '.repeat(2000));
    });
    const failing = await listen((req, res) => {
      req.resume();
      res.writeHead(500).end('postgres password=hunter2 '.repeat(500));
    });
    const transport = new WebhookTransport(new WebhookTargetPolicy(['127.0.0.1/32']));
    try {
      const redirect = transport.post({
        url: `http://127.0.0.1:${redirector.port}/`,
        secret: SECRET,
        dedupeKey: 'r',
        body: '{}',
        timeoutMs: 2000,
      });
      await expect(redirect).rejects.toThrow('webhook answered HTTP 302 (redirects are not followed)');
      expect(redirectedHits).toBe(0);
      const error = await transport
        .post({
          url: `http://127.0.0.1:${failing.port}/`,
          secret: SECRET,
          dedupeKey: 'f',
          body: '{}',
          timeoutMs: 2000,
        })
        .catch((e: unknown) => e as Error);
      expect(String(error)).toContain('HTTP 500');
      expect(String(error)).not.toContain('hunter2');
    } finally {
      transport.close();
      for (const s of [target.server, redirector.server, failing.server]) s.close();
    }
  });
});
