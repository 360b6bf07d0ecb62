/**
 * Issue 12's single sign-on in the browser: the login page offers 统一身份认证登录, the test
 * provider (oidc-provider, started beside the stack) signs the supervisor in, and Duban opens.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, englishLabels, overflow } from './support/checks';
import { DESKTOP, launch, newPage, PHONE, screenshot } from './support/browser';
import { IDP_LOGIN } from './support/global-setup';

const e2e = inject('e2e');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('single sign-on', () => {
  it('offers 统一身份认证登录 beside the password form at both widths', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await page.goto('/login');
        await page.getByTestId('sso-login').waitFor();
        expect(await page.getByTestId('sso-login').textContent()).toContain('统一身份认证登录');
        await page.getByText('或使用账号密码登录').waitFor();
        await screenshot(page, `33-login-sso-${viewport.width}`);
        expect((await overflow(page)).offenders).toEqual([]);
        expect(await englishLabels(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('signs the supervisor in through the provider and returns to the page asked for', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, DESKTOP);
    try {
      await page.goto('/login?returnUrl=%2Fdashboard');
      await page.getByTestId('sso-login').click();
      // The provider's own development login and consent screens.
      await page.locator('input[name="login"]').fill(IDP_LOGIN);
      await page.locator('input[name="password"]').fill('x');
      await page.locator('button[type="submit"]').click();
      await page.locator('input[name="login"]').waitFor({ state: 'detached' });
      await page.locator('button[type="submit"]').click();
      await page.waitForURL('**/dashboard');
      await page.getByText('李督查').first().waitFor();
      expect(new URL(page.url()).hash).toBe('');
      await screenshot(page, '34-after-sso-1280');
    } finally {
      await context.close();
    }
  });

  it('says in zh-CN why a single sign-on failed', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await page.goto('/login?ssoError=SSO_ACCOUNT_UNKNOWN');
      await expect
        .poll(() => page.getByTestId('sso-error').textContent())
        .toContain('没有与该统一身份对应的督办账号');
      await screenshot(page, '35-login-sso-error-390');
    } finally {
      await context.close();
    }
  });
});
