import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
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

/** Units no e2e account belongs to, so these flows change nobody else's list. */
const UNITS = ['审计署', '国家统计局', '海关总署', '应急管理部'].filter(
  (name) =>
    ![e2e.task.department, e2e.otherOfficer.department, e2e.participantOfficer.department].includes(name),
);
const [LEAD, PARTNER, NEW_LEAD] = UNITS;

function inDays(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${d.getMonth() + 1}-${d.getDate()}`;
}

/** Types into a department picker, picks the option, and waits for its chip (the panel then closes). */
async function pickDepartment(page: Page, testId: string, name: string): Promise<void> {
  const picker = page.locator('db-department-list-picker', { has: page.getByTestId(testId) });
  await page.getByTestId(testId).click();
  await page.getByTestId(testId).fill(name);
  // The first match, chosen with the keyboard as a typist would (a click races the panel's re-render on blur).
  await page.locator('.db-picker-panel mat-option', { hasText: name }).first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await picker.getByRole('listitem').filter({ hasText: name }).waitFor();
  // Tab, not Escape: Escape would also close a dialog the picker sits in.
  await page.keyboard.press('Tab');
  await page
    .locator('.db-picker-panel mat-option')
    .first()
    .waitFor({ state: 'detached', timeout: 2_000 })
    .catch(() => undefined);
}

/** Screenshots after the dialog's opening animation, not halfway through it. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function ledger(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('督办台账');
  sheet.addRow([
    '序号',
    '任务内容',
    '来源类型',
    '来源名称',
    '文号/批示',
    '牵头单位',
    '配合单位',
    '完成时限',
    '备注',
  ]);
  const due = new Date(Date.UTC(new Date().getFullYear() + 1, 5, 30));
  sheet.addRow([
    1,
    '开展统计数据质量专项检查。',
    '专项督查',
    '统计数据质量专项督查',
    null,
    LEAD,
    null,
    due,
    '',
  ]);
  sheet.addRow([
    2,
    '清理涉企收费，按季度报送进展。',
    '会议纪要',
    '第15次常务会议纪要',
    '纪要〔2026〕15号',
    PARTNER,
    LEAD,
    '每季度',
    '',
  ]);
  sheet.addRow([
    3,
    '落实口岸通关便利化措施。',
    '领导批示',
    '副市长批示',
    null,
    '海关总局',
    null,
    due,
    '单位名称有误',
  ]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('the 督查室 desk: 立项, 台账导入, reassign', () => {
  let taskUrl = '';

  it('a supervisor creates a task by hand (立项)', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.supervisor);
      await page.getByRole('link', { name: '立项' }).click();
      await page.waitForURL('**/desk/new');
      await page.getByTestId('create-task-form').waitFor();
      await screenshot(page, '40-desk-create-empty');
      // Saving empty says what is missing, in the form.
      await page.getByTestId('create-submit').click();
      await page.getByText('请填写任务内容').waitFor();
      await page.getByText('至少选择一个牵头单位').waitFor();

      await page.getByTestId('source-kind').click();
      await page.getByRole('option', { name: '会议纪要' }).click();
      await page.getByTestId('source-title').fill('市政府第20次常务会议纪要');
      await page.getByTestId('source-reference').fill('市政府纪要〔2026〕20号');
      await page.getByTestId('task-text').fill('建立重点项目统计监测机制，按月通报进展。');
      await pickDepartment(page, 'lead-picker', LEAD);
      await pickDepartment(page, 'participant-picker', PARTNER);
      // 「N个工作日内」 fills the deadline from the working-day calendar (holidays and 调休 counted).
      await page.getByTestId('working-days').fill('10');
      await page.getByRole('button', { name: '按工作日计算时限' }).click();
      await expect
        .poll(() => page.getByTestId('working-days-note').textContent())
        .toContain('10个工作日内：截至');
      expect(await page.getByTestId('deadline').inputValue()).not.toBe('');
      await screenshot(page, '41a-desk-create-working-days');
      await page.getByTestId('deadline').fill(inDays(90));
      await screenshot(page, '41-desk-create-filled');
      await page.getByTestId('create-submit').click();
      await page.waitForURL(/\/tasks\/[0-9a-f-]{36}$/);
      taskUrl = new URL(page.url()).pathname;
      await expect
        .poll(() => page.getByTestId('task-title').textContent())
        .toContain('建立重点项目统计监测机制');
      expect(await page.getByTestId('lead').textContent()).toContain(LEAD);
      expect(await page.getByTestId('source').textContent()).toContain(
        '会议纪要《市政府第20次常务会议纪要》',
      );
      await page.getByTestId('timeline').getByText('立项').waitFor();
      await screenshot(page, '42-desk-created-detail');

      await page.setViewportSize(PHONE);
      await page.goto('/desk/new');
      await page.getByTestId('create-task-form').waitFor();
      await screenshot(page, '43-desk-create-phone');
      await page.goto(taskUrl);
      await page.getByTestId('task-title').waitFor();
      await screenshot(page, '44-desk-created-detail-phone');
    } finally {
      await context.close();
    }
  });

  it('a supervisor bulk-imports a 台账 with one bad row; the bad row is shown and skipped', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.supervisor);
      await page.goto('/desk/ledger');
      await page.getByTestId('ledger-template').waitFor();
      await screenshot(page, '45-desk-ledger-empty');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('ledger-template').click(),
      ]);
      expect(download.suggestedFilename()).toBe('督办台账模板.xlsx');

      await page.getByTestId('ledger-input').setInputFiles({
        name: '2026年督办台账.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await ledger(),
      });
      await page.getByTestId('ledger-preview').waitFor();
      expect(await page.getByTestId('ledger-summary').textContent()).toContain('可导入 2 行 · 有错误 1 行');
      const bad = page.locator('tr[data-row="4"]');
      expect(await bad.textContent()).toContain('“海关总局”不在单位名录中，是否为“海关总署”');
      await screenshot(page, '46-desk-ledger-preview');
      await page.setViewportSize(PHONE);
      await screenshot(page, '47-desk-ledger-preview-phone');
      await page.setViewportSize(DESKTOP);

      await page.getByTestId('ledger-commit').click();
      await page.getByTestId('ledger-result').waitFor();
      expect(await page.getByTestId('ledger-result').textContent()).toContain(
        '已立项 2 项任务；1 行有错误未导入',
      );
      await screenshot(page, '48-desk-ledger-done');
    } finally {
      await context.close();
    }
  });

  it('a supervisor reassigns the task, sees the change in the timeline, and leaves a 督办意见', async () => {
    expect(taskUrl).not.toBe('');
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.supervisor);
      await page.goto(taskUrl);
      await page.getByTestId('task-title').waitFor();
      // Each dialog, as it first opens.
      for (const [button, name] of [
        ['edit-deadline-open', '49-desk-dialog-deadline'],
        ['edit-split-open', '50-desk-dialog-split'],
        ['edit-terminate-open', '51-desk-dialog-terminate'],
      ] as const) {
        await page.getByTestId(button).click();
        await page.getByTestId('edit-reason').waitFor();
        await settled(page);
        await screenshot(page, name);
        await page.getByRole('button', { name: '取消' }).click();
        await page.getByTestId('edit-reason').waitFor({ state: 'detached' });
      }

      await page.getByTestId('edit-departments-open').click();
      await page.getByTestId('edit-reason').waitFor();
      await pickDepartment(page, 'edit-lead', NEW_LEAD);
      await page
        .getByRole('dialog')
        .getByRole('button', { name: `移除${LEAD}` })
        .click();
      await page.getByTestId('edit-confirm').click();
      await page.getByText('请填写理由').waitFor();
      await page.getByTestId('edit-reason').fill('职能调整，改由新单位牵头');
      await settled(page);
      await screenshot(page, '52-desk-dialog-departments');
      const [changed] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/departments') && r.request().method() === 'POST'),
        page.getByTestId('edit-confirm').click(),
      ]);
      expect(changed.status(), await changed.text()).toBe(200);
      await page.getByTestId('edit-reason').waitFor({ state: 'detached' });
      await expect.poll(() => page.getByTestId('lead').textContent()).toContain(NEW_LEAD);
      expect(await page.getByTestId('lead').textContent()).not.toContain(LEAD);
      await page.getByTestId('timeline').getByText('调整责任单位').waitFor();
      expect(await page.getByTestId('timeline').textContent()).toContain('职能调整，改由新单位牵头');

      await page.getByTestId('comment-text').fill(`请@${NEW_LEAD} 尽快对接，两周内报送工作方案。`);
      const [posted] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/comments') && r.request().method() === 'POST'),
        page.getByTestId('comment-send').click(),
      ]);
      expect(posted.status(), await posted.text()).toBe(201);
      await page.getByTestId('comments').getByText('两周内报送工作方案').waitFor();
      await page.getByTestId('comments-card').scrollIntoViewIfNeeded();
      await screenshot(page, '53-desk-comments');

      await page.setViewportSize(PHONE);
      await page.getByTestId('edit-departments-open').click();
      await page.getByTestId('edit-reason').waitFor();
      await settled(page);
      await screenshot(page, '54-desk-dialog-departments-phone');
      await page.getByRole('button', { name: '取消' }).click();
      await page.getByTestId('edit-deadline-open').click();
      await page.getByTestId('edit-reason').waitFor();
      await settled(page);
      await screenshot(page, '55-desk-dialog-deadline-phone');
      await page.getByRole('button', { name: '取消' }).click();
      await page.getByTestId('comments-card').scrollIntoViewIfNeeded();
      await screenshot(page, '56-desk-comments-phone');
    } finally {
      await context.close();
    }
  });
});
