/**
 * Issue 14, the forms: session expiry and rate-limit messages, the searchable grouped pickers, the zh-CN date
 * field and the import preview on a phone.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, englishLabels, overflow } from './support/checks';
import { launch, login, newPage, PHONE, screenshot } from './support/browser';
import { ROOT } from './support/stack';

const e2e = inject('e2e');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('sessions', () => {
  it('an expired session lands on the login page saying why', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.officer);
      // The stored session's time runs out (as after a night away from the desk).
      await page.evaluate(() => {
        const raw = localStorage.getItem('duban.session')!;
        localStorage.setItem(
          'duban.session',
          JSON.stringify({ ...JSON.parse(raw), expiresAt: Date.now() - 1000 }),
        );
      });
      await page.goto('/tasks');
      await page.waitForURL('**/login?**');
      expect(await page.getByTestId('session-expired').textContent()).toContain('登录已过期');
      expect(page.url()).toContain('returnUrl=%2Ftasks');
    } finally {
      await context.close();
    }
  });

  it('the rate-limit message says how long to wait', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      // The stack allows 1,000 logins a minute for the tests; answer as the throttler does once over the limit.
      await page.route('**/api/auth/login', (route) =>
        route.fulfill({
          status: 429,
          headers: { 'content-type': 'application/json', 'retry-after': '42' },
          body: JSON.stringify({
            statusCode: 429,
            code: 'AUTH_LOGIN_THROTTLED',
            message: '登录尝试过于频繁，请 42 秒后再试。',
          }),
        }),
      );
      await page.goto('/login');
      await page.getByLabel('用户名').fill(e2e.officer.username);
      await page.getByLabel('密码').fill('wrong');
      await page.getByRole('button', { name: '登录' }).click();
      await expect
        .poll(() => page.getByRole('alert').first().textContent())
        .toMatch(/请 42 秒后再试（约 \d{2}:\d{2}）/);
      await screenshot(page, '17-rate-limited');
    } finally {
      await context.close();
    }
  });
});

describe('choices and dates', () => {
  it('finds a department by typing Chinese in a grouped picker, and filters the list by it', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.supervisor);
      await page.goto('/tasks');
      await page.getByTestId('task-row').first().waitFor();
      const picker = page.getByTestId('filter-department');
      await picker.click();
      await picker.fill('卫生');
      const panel = page.locator('.db-picker-panel');
      await panel.getByRole('option').first().waitFor();
      const groups = await panel.locator('mat-optgroup .mat-mdc-optgroup-label').allTextContents();
      expect(groups.join(' ')).toMatch(/部委（\d+）/);
      const options = await panel.getByRole('option').allTextContents();
      expect(options.some((o) => o.includes('国家卫生健康委员会'))).toBe(true);
      expect(options.some((o) => o.includes('外交部'))).toBe(false);
      // Options wrap rather than overlap: each option box ends where the next begins.
      const boxes = await panel
        .getByRole('option')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.bottom]));
      for (let i = 1; i < boxes.length; i += 1)
        expect(boxes[i][0]).toBeGreaterThanOrEqual(boxes[i - 1][1] - 1);
      await screenshot(page, '15-department-picker');
      // Pinyin initials work too (国家卫生健康委员会 → gjwsjkwyh).
      await picker.fill('gjwsjk');
      await panel.getByRole('option', { name: '国家卫生健康委员会', exact: true }).waitFor();
      await picker.fill('卫生');
      await Promise.all([
        page.waitForResponse(
          (r) =>
            r.url().includes('/api/tasks?') &&
            r.url().includes('department=') &&
            r.url().includes('pageSize=200'),
        ),
        panel.getByRole('option', { name: '国家卫生健康委员会', exact: true }).click(),
      ]);
      await expect
        .poll(() => page.getByTestId('task-row').first().textContent())
        .toContain('国家卫生健康委员会');
    } finally {
      await context.close();
    }
  });

  it('reads 2027年3月31日 in the date field, says 不能早于今天 for a past date, and labels the calendar in Chinese', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.officer);
      await page.goto(`/tasks/${e2e.extensionTask.id}`);
      await page.getByRole('button', { name: '申请延期' }).click();
      const date = page.getByLabel('申请延至');
      await date.fill('2020-1-5');
      await date.blur();
      await page.getByText('不能早于今天').waitFor();
      await date.fill('2027年3月31日');
      await date.blur();
      await expect.poll(() => page.getByText('不能早于今天').count()).toBe(0);
      expect(await date.inputValue()).toBe('2027年3月31日');
      expect(await page.getByRole('button', { name: '打开日历' }).count()).toBe(1);
      await page.getByRole('button', { name: '打开日历' }).click();
      await page.getByRole('button', { name: '上个月' }).waitFor();
      await page.waitForTimeout(400); // the calendar fades in
      await screenshot(page, '16-datepicker-zh');
    } finally {
      await context.close();
    }
  });

  it('the import preview keeps 牵头部门 on a phone and fits the screen', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await login(page, e2e.supervisor);
      await page.goto('/import');
      await page.getByTestId('import-input').setInputFiles(join(ROOT, e2e.importFile));
      await page.getByTestId('import-documents').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-measure').first().waitFor();
      const firstRow = page.getByTestId('import-measure').first();
      expect(await firstRow.textContent()).toMatch(/第 \d+ 行/);
      expect(await firstRow.locator('span').nth(2).isVisible()).toBe(true);
      const width = await overflow(page);
      expect(width.scrollWidth, width.offenders.join(', ')).toBeLessThanOrEqual(width.viewport);
      expect(await englishLabels(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByTestId('import-measures').scrollIntoViewIfNeeded();
      await screenshot(page, '06c-import-preview-phone');
    } finally {
      await context.close();
    }
  });
});
