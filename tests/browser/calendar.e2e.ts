/**
 * Issue 13's working-day calendar in the browser: admins see the year's 法定节假日 and 调休 days and
 * enter a year nobody has published yet, with a zh-CN message per bad line.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations, englishLabels, overflow } from './support/checks';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';

const e2e = inject('e2e');
const THIS_YEAR = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
const NEXT_YEAR = THIS_YEAR + 1;

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function openCalendarTab(page: Page): Promise<void> {
  await page.goto('/admin');
  await page.getByRole('tab', { name: '工作日历' }).click();
  await page.getByText('周一至周五为工作日').waitFor();
}

async function chooseYear(page: Page, year: number): Promise<void> {
  await page.getByRole('combobox', { name: '年份' }).click();
  await page.getByRole('option', { name: `${year} 年` }).click();
  await page.getByRole('heading', { name: `管理员录入（${year} 年）` }).waitFor();
}

describe('working-day calendar', () => {
  it('shows the year at both widths, and takes a new year line by line', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.admin);
        await openCalendarTab(page);
        await page.waitForLoadState('networkidle');
        await screenshot(page, `30-calendar-${THIS_YEAR}-${viewport.width}`);
        expect((await overflow(page)).offenders).toEqual([]);
        expect(await englishLabels(page)).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }

    const { context, page } = await newPage(browser, e2e.baseUrl, DESKTOP);
    try {
      await login(page, e2e.admin);
      await openCalendarTab(page);
      await chooseYear(page, NEXT_YEAR);
      await page.getByText(`尚无 ${NEXT_YEAR} 年的节假日安排`).waitFor();

      const editor = page.getByLabel('放假与调休上班');
      await editor.fill(`${NEXT_YEAR}-01-01 放假 元旦\n${NEXT_YEAR}-02-30 放假 春节`);
      await page.getByRole('button', { name: `保存 ${NEXT_YEAR} 年安排` }).click();
      await expect
        .poll(() => page.getByRole('alert').textContent())
        .toContain(`第 2 行：「${NEXT_YEAR}-02-30」不是真实日期`);
      await screenshot(page, '31-calendar-bad-line-1280');

      await editor.fill(`${NEXT_YEAR}-01-01 放假 元旦\n${NEXT_YEAR}-02-06 上班 春节`);
      await page.getByRole('button', { name: `保存 ${NEXT_YEAR} 年安排` }).click();
      await page.getByText('已保存，提醒将按新的工作日历重新安排').waitFor();
      const table = page.getByRole('table', { name: `${NEXT_YEAR} 年放假与调休安排` });
      await expect.poll(() => table.locator('tbody tr').count()).toBe(2);
      expect(await table.textContent()).toContain('调休上班');
      expect(await table.textContent()).toContain('管理员录入');
      await screenshot(page, '32-calendar-saved-1280');

      // Back to the packaged data, so the other flows see an untouched calendar.
      await editor.fill('');
      await page.getByRole('button', { name: `保存 ${NEXT_YEAR} 年安排` }).click();
      await page.getByText(`尚无 ${NEXT_YEAR} 年的节假日安排`).waitFor();
    } finally {
      await context.close();
    }
  });
});
