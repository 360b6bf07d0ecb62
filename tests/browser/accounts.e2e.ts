/**
 * Issue 9 in the browser: a one-time password must be changed first (修改密码), logout ends the
 * server session, and the queue dashboard opens through its own cookie.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, englishLabels, overflow } from './support/checks';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';

const e2e = inject('e2e');
const NEW_PASSWORD = 'Harbor-lantern-2026';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('accounts', () => {
  it('a one-time password leads to 修改密码 first, which says what is wrong, then opens the app', async () => {
    for (const viewport of [PHONE, DESKTOP]) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await page.goto('/login');
        await page.getByLabel('用户名').fill(e2e.newcomer.username);
        await page
          .getByLabel('密码', { exact: true })
          .fill(viewport === PHONE ? e2e.newcomer.password : NEW_PASSWORD);
        await page.getByRole('button', { name: '登录' }).click();
        if (viewport === PHONE) {
          await page.waitForURL('**/password**');
          await page.getByText('一次性初始密码').waitFor();
          expect((await overflow(page)).offenders).toEqual([]);
          expect(await englishLabels(page)).toEqual([]);
          expect(await axeViolations(page)).toEqual([]);
          await screenshot(page, '20-change-password-390');
          await page.getByLabel('当前密码').fill(e2e.newcomer.password);
          await page.getByLabel('新密码', { exact: true }).fill('short');
          await page.getByLabel('再次输入新密码').fill('short');
          await page.getByRole('button', { name: '保存新密码' }).click();
          await expect.poll(() => page.getByRole('alert').textContent()).toContain('至少需要 10 个字符');
          await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
          await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
          await page.getByRole('button', { name: '保存新密码' }).click();
          await page.waitForURL((url) => !url.pathname.startsWith('/password'));
          expect(new URL(page.url()).pathname).toMatch(/^\/tasks/);
        } else {
          // The new password works and no longer detours through 修改密码.
          await page.waitForURL((url) => !url.pathname.startsWith('/login'));
          expect(new URL(page.url()).pathname).not.toMatch(/^\/password/);
          await page.goto('/password');
          await page.getByText('修改后，其他设备上的登录将全部失效').waitFor();
          await screenshot(page, '20-change-password-1280');
        }
      } finally {
        await context.close();
      }
    }
  });

  it('退出登录 ends the session on the server: the old token is refused', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.officer);
      const token = await page.evaluate(
        () => (JSON.parse(localStorage.getItem('duban.session') ?? '{}') as { token: string }).token,
      );
      const status = () =>
        page.evaluate(
          async (t) => (await fetch('/api/me', { headers: { Authorization: `Bearer ${t}` } })).status,
          token,
        );
      expect(await status()).toBe(200);
      await page.getByTestId('user-menu').click();
      await page.getByRole('menuitem', { name: '退出登录' }).click();
      await page.waitForURL('**/login**');
      await expect.poll(status).toBe(401);
    } finally {
      await context.close();
    }
  });

  it('打开队列面板 opens Bull Board through a dashboard cookie, never a token in the URL', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.admin);
        await page.goto('/admin');
        const button = page.getByRole('button', { name: '打开队列面板' });
        await button.waitFor();
        await screenshot(page, `21-admin-queue-button-${viewport.width}`);
        if (viewport === PHONE) continue;
        const [board] = await Promise.all([context.waitForEvent('page'), button.click()]);
        await board.waitForURL('**/api/admin/queues**');
        expect(board.url()).not.toContain('token=');
        await board.waitForLoadState('domcontentloaded');
        expect(await board.content()).toContain('<html');
        const cookies = await context.cookies();
        const grant = cookies.find((c) => c.name === 'duban_queues');
        expect(grant).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/admin/queues' });
      } finally {
        await context.close();
      }
    }
  });
});
