/**
 * Issue 10 in the browser: corrections before commit. A supervisor imports a local document, corrects one
 * measure (修改: title, 牵头单位, 完成时限, 阶段节点) and adds a missed one by selecting its line (补充遗漏措施), commits,
 * then imports the same file again: the corrections are still there.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';
import { axeViolations, englishLabels, overflow } from './support/checks';

const e2e = inject('e2e');

/** A document of its own (no other flow imports it): three annotated measures and one without parties (line 15). */
const DOCUMENT = `国务院关于开展督办修正测试工作的通知

国发〔2098〕41号

各省、自治区、直辖市人民政府，国务院各部委、各直属机构：

为检验导入预览修正功能，现就有关事项通知如下。

一、完善工作机制

（一）建立修正测试台账。逐项明确责任，2098年底前完成。（国家发展改革委负责）

（二）加强修正经费保障。统筹安排所需经费。（财政部牵头，商务部参与）

（三）推进督办数据归档。按季度归档督办数据，形成归档目录。

二、强化监督检查

（四）开展修正专项督查。定期通报进展情况，2098年6月底前完成。（审计署负责）

国务院
2098年1月5日
`;
const MISSED_LINE = 15;

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Screenshots after the dialog's opening animation, not halfway through it. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
}

async function importDocument(page: Page): Promise<void> {
  await page.goto('/import');
  await page.getByTestId('import-input').setInputFiles({
    name: '督办修正测试.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(DOCUMENT, 'utf8'),
  });
  await page.getByTestId('import-documents').waitFor({ timeout: 60_000 });
  await page.getByTestId('import-measure').first().waitFor();
}

/** Types into a picker of the dialog, picks the first match with the keyboard, and waits for its chip. */
async function pickDepartment(page: Page, party: 'lead' | 'participants', name: string): Promise<void> {
  const input = page.getByTestId(`correction-${party}-picker`);
  await input.click();
  await input.fill(name);
  await page.locator('.db-picker-panel mat-option', { hasText: name }).first().waitFor();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.getByTestId(`correction-${party}`).locator('.chip', { hasText: name }).waitFor();
  // Away from the pickers (Tab would focus the next one and open its panel; Escape would close the dialog).
  await page.locator('[mat-dialog-title]').click();
  await page
    .locator('.db-picker-panel mat-option')
    .first()
    .waitFor({ state: 'detached', timeout: 2_000 })
    .catch(() => undefined);
}

/**
 * Selects a line of the add dialog. The pick shows on the dialog's next change detection, not inside the click,
 * so the test waits for it; picking the same line again keeps it picked, so a click that landed before the
 * dialog listened is simply repeated.
 */
async function pickLine(page: Page, line: number): Promise<void> {
  const picked = page.locator(`[data-testid="line-${line}"][aria-selected="true"]`);
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.getByTestId(`line-${line}`).click();
    const shown = await picked
      .waitFor({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (shown) return;
  }
  throw new Error(`line ${line} was not selected`);
}

const row = (page: Page, text: string) => page.getByTestId('import-measure').filter({ hasText: text });

describe('import preview corrections', () => {
  it('corrects a measure and adds a missed one, commits, and keeps the corrections on a re-import', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl);
    try {
      await login(page, e2e.supervisor);
      await importDocument(page);
      expect(await page.getByTestId('import-measure').count()).toBe(3);
      expect(await page.getByTestId('measure-corrected').count()).toBe(0);

      // 修改: a clearer title, another 牵头单位, a firm 完成时限.
      await row(page, '建立修正测试台账').getByTestId('measure-edit').click();
      await page.getByTestId('correction-title').fill('建立督办修正测试工作台账');
      await pickDepartment(page, 'lead', '商务部');
      await page.getByTestId('correction-deadline').fill('2098-9-30');
      // 阶段节点: one earlier step before the new 完成时限.
      await page.getByTestId('milestone-add').click();
      const step = page.getByTestId('milestone-0');
      await step.getByLabel('日期').fill('2098-6-30');
      await step.getByLabel('届时完成').fill('完成台账方案');
      await settled(page);
      await screenshot(page, 'corrections-edit-dialog');
      await page.getByTestId('correction-save').click();
      await page.getByTestId('correction-save').waitFor({ state: 'detached' });
      const edited = row(page, '建立督办修正测试工作台账');
      await edited.getByTestId('measure-corrected').waitFor();
      expect(await edited.textContent()).toContain('商务部');
      expect(await edited.textContent()).toContain('2098年9月30日');
      expect(await edited.getByTestId('measure-milestone').textContent()).toContain(
        '2098年6月30日：完成台账方案',
      );

      // 补充遗漏措施: the measure without parties, selected by its line.
      await page.getByTestId('import-add-missed').click();
      await pickLine(page, MISSED_LINE);
      await pickDepartment(page, 'lead', '国家档案局');
      await settled(page);
      await screenshot(page, 'corrections-add-dialog');
      await page.getByTestId('correction-save').click();
      await page.getByTestId('correction-save').waitFor({ state: 'detached' });
      const added = row(page, '推进督办数据归档');
      await added.getByTestId('measure-corrected').waitFor();
      expect(await added.textContent()).toContain('国家档案局');
      expect(await page.getByTestId('import-measure').count()).toBe(4);
      expect(await page.getByTestId('import-corrections').textContent()).toContain(
        `补充第 ${MISSED_LINE}–${MISSED_LINE} 行的措施`,
      );
      await screenshot(page, 'corrections-preview');
      expect(await englishLabels(page)).toEqual([]);

      await page.getByTestId('import-commit').click();
      const result = page.getByTestId('import-result');
      await result.waitFor({ timeout: 60_000 });
      expect(await result.textContent()).toContain('新建任务 4 项');

      // The same file again: the preview shows it as imported, with both corrections re-applied.
      await page.getByRole('button', { name: '继续导入其他文件' }).click();
      await importDocument(page);
      expect(await page.getByTestId('import-documents').textContent()).toContain('已导入过');
      expect(await page.getByTestId('import-measure').count()).toBe(4);
      await row(page, '建立督办修正测试工作台账').getByTestId('measure-corrected').waitFor();
      await row(page, '推进督办数据归档').getByTestId('measure-corrected').waitFor();
      expect(await page.getByTestId('measure-corrected').count()).toBe(2);
      expect(await page.getByTestId('correction-orphan').count()).toBe(0);
      await screenshot(page, 'corrections-reimport');
    } finally {
      await context.close();
    }
  });

  it('the preview with a corrected row and the dialog fit a phone', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await login(page, e2e.supervisor);
      await importDocument(page);
      await row(page, '建立督办修正测试工作台账').getByTestId('measure-corrected').waitFor();
      await page.getByTestId('import-measures').scrollIntoViewIfNeeded();
      await screenshot(page, 'corrections-preview-phone');
      expect((await overflow(page)).offenders).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
      await row(page, '建立督办修正测试工作台账').getByTestId('measure-edit').click();
      await page.getByTestId('correction-title').waitFor();
      await settled(page);
      await screenshot(page, 'corrections-edit-dialog-phone');
      expect((await overflow(page)).offenders).toEqual([]);
      expect(await englishLabels(page)).toEqual([]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('keeps the desktop preview within 1280 px', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, DESKTOP);
    try {
      await login(page, e2e.supervisor);
      await importDocument(page);
      await row(page, '推进督办数据归档').getByTestId('measure-corrected').waitFor();
      await page.getByTestId('import-measures').scrollIntoViewIfNeeded();
      await screenshot(page, 'corrections-preview-desktop');
      expect((await overflow(page)).offenders).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
