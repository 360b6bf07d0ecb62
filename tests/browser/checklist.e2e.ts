import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';

const e2e = inject('e2e');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** A labelled-field block: one measure, its three numbered items the 工作清单 (previewed, not committed). */
const FIELD_BLOCK = `国务院办公厅关于印发工作清单预览测试行动计划的通知

国办发〔2099〕8号

二、重点任务

（一）数据平台建设行动。

行动内容：

1．建设统一数据平台。

2．完善数据共享目录。

3．开展数据质量评估。

时间节点：2099年12月底前

责任部门：工业和信息化部

国务院办公厅
2098年1月5日
`;

describe('工作清单 (a labelled-field block is one task, its numbered items ticked off)', () => {
  it('the import preview shows a labelled-field block as one measure with its 工作清单', async () => {
    for (const [label, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.supervisor);
        await page.goto('/import');
        await page.getByTestId('import-input').setInputFiles({
          name: '工作清单预览.txt',
          mimeType: 'text/plain',
          buffer: Buffer.from(FIELD_BLOCK, 'utf8'),
        });
        await page.getByTestId('import-measure').first().waitFor();
        expect(await page.getByTestId('import-measure').count()).toBe(1);
        const chip = page.getByTestId('measure-checklist');
        expect(await chip.textContent()).toContain('一项任务，含工作清单 3 项');
        expect(await chip.getAttribute('title')).toBe(
          '建设统一数据平台。\n完善数据共享目录。\n开展数据质量评估。',
        );
        await screenshot(page, `09c-import-checklist-${label}`);
      } finally {
        await context.close();
      }
    }
  });

  it('the lead officer ticks an item, it stays ticked after a reload, and the 督查室 reads it', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.otherOfficer);
      await page.goto(`/tasks/${e2e.checklistTask.id}`);
      const summary = page.getByTestId('checklist-summary');
      await expect.poll(() => summary.textContent()).toContain('已完成 0 / 3 项');
      // A quarterly duty: the page says by when the next report is due (a quarter's last day).
      expect(await page.getByTestId('recurrence').textContent()).toContain('每季度');
      expect(await page.getByTestId('next-report-due').textContent()).toMatch(
        /下次报送进展：\d{4}年(3月31|6月30|9月30|12月31)日 前/u,
      );
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
