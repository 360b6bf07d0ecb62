import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, login, newPage, PHONE, screenshot } from './support/browser';

const e2e = inject('e2e');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('工作清单 (a labelled-field block is one task, its numbered items ticked off)', () => {
  it('the lead officer ticks an item, it stays ticked after a reload, and the 督查室 reads it', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.otherOfficer);
      await page.goto(`/tasks/${e2e.checklistTask.id}`);
      const summary = page.getByTestId('checklist-summary');
      await expect.poll(() => summary.textContent()).toContain('已完成 0 / 3 项');
      const second = page.getByRole('checkbox', { name: '推进企业内网升级，建设园区网络。' });
      const answered = page.waitForResponse(
        (r) =>
          r.url().includes(`/api/tasks/${e2e.checklistTask.id}/checklist/1`) &&
          r.request().method() === 'PUT',
      );
      await second.check();
      expect((await answered).status()).toBe(200);
      await expect.poll(() => summary.textContent()).toContain('已完成 1 / 3 项');
      await expect
        .poll(() => page.getByTestId('checklist-item').nth(1).textContent())
        .toContain(e2e.otherOfficer.displayName);
      await screenshot(page, '09a-task-checklist');

      await page.reload();
      await expect.poll(() => summary.textContent()).toContain('已完成 1 / 3 项');
      expect(await page.getByRole('checkbox', { name: '推进企业内网升级，建设园区网络。' }).isChecked()).toBe(
        true,
      );
      await page.setViewportSize(PHONE);
      await page.getByTestId('checklist').scrollIntoViewIfNeeded();
      await screenshot(page, '09b-task-checklist-phone');
    } finally {
      await context.close();
    }

    const supervisor = await newPage(browser, e2e.baseUrl);
    try {
      await login(supervisor.page, e2e.supervisor);
      await supervisor.page.goto(`/tasks/${e2e.checklistTask.id}`);
      await expect
        .poll(() => supervisor.page.getByTestId('checklist-summary').textContent())
        .toContain('已完成 1 / 3 项');
      // The 督查室 reads the list; only the departments that report progress tick it.
      expect(await supervisor.page.getByTestId('checklist').getByRole('checkbox').count()).toBe(0);
      expect(await supervisor.page.getByTestId('checklist-item').nth(1).textContent()).toContain(
        '（已完成）',
      );
      await expect.poll(() => supervisor.page.locator('body').textContent()).toContain('更新工作清单');
    } finally {
      await supervisor.context.close();
    }
  });
});
