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

/** Tasks other flows work on: this one leaves them alone. */
const RESERVED = () => new Set([e2e.task.id, e2e.extensionTask.id, e2e.uxTask.id]);

/** The first task of the officer's list under 「待签收」 that no other flow uses. */
async function awaitingTask(page: Page): Promise<string> {
  await page.goto('/tasks');
  await page.getByTestId('task-row').first().waitFor();
  // On a phone the filters sit behind their toggle.
  const toggle = page.getByRole('button', { name: /^筛选/ });
  if (await toggle.isVisible()) await toggle.click();
  // Read the rows of the filtered answer, not the whole list still on screen (it has 待签收 rows of other 主办).
  const filtered = page.waitForResponse(
    (r) => r.url().includes('/api/tasks?') && r.url().includes('awaitingSignoff=true') && r.ok(),
  );
  await page.getByTestId('filter-awaiting-signoff').click();
  await filtered;
  await page.getByTestId('awaiting-signoff').first().waitFor();
  await expect
    .poll(() =>
      page
        .getByTestId('task-row')
        .evaluateAll((rows) => rows.every((r) => r.querySelector('[data-testid="awaiting-signoff"]'))),
    )
    .toBe(true);
  const hrefs = await page
    .getByTestId('task-row')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('href') ?? ''));
  const id = hrefs
    .map((h) => h.split('/').pop() ?? '')
    .find((candidate) => candidate && !RESERVED().has(candidate));
  if (!id) throw new Error('no task waiting for 签收 in the officer’s list');
  return id;
}

describe('签收 and 承办人', () => {
  for (const [label, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    it(`an officer of the 主办 signs a task off and names the 承办人 (${label})`, async () => {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.officer);
        const taskId = await awaitingTask(page);
        await page.goto(`/tasks/${taskId}`);
        await page.getByTestId('responsibility-card').waitFor();
        expect(await page.getByTestId('signoff-state').textContent()).toContain('待签收');
        await page.getByTestId('responsibility-card').scrollIntoViewIfNeeded();
        await screenshot(page, `50-signoff-waiting-${label}`);

        await page.getByTestId('acknowledge').click();
        await page.getByTestId('signoff-state').getByText('已签收').waitFor();
        expect(await page.getByTestId('signoff-state').textContent()).toContain(e2e.officer.displayName);
        await expect(page.getByTestId('acknowledge').count()).resolves.toBe(0);

        await page.getByTestId('assignee-picker').click();
        await page.getByRole('option', { name: e2e.officer.displayName }).click();
        await page.getByTestId('assignee').getByText(e2e.officer.displayName).waitFor();
        await page.getByTestId('responsibility-card').scrollIntoViewIfNeeded();
        await screenshot(page, `51-signoff-assigned-${label}`);
        // The timeline tells who did it.
        await page.getByTestId('timeline').getByText('指定承办人').waitFor();
        await page.getByTestId('timeline').getByText('签收', { exact: true }).first().waitFor();

        // 「我承办的」 now lists it.
        await page.goto('/tasks');
        await page.getByTestId('task-row').first().waitFor();
        const toggle = page.getByRole('button', { name: /^筛选/ });
        if (await toggle.isVisible()) await toggle.click();
        await page.getByTestId('filter-mine').click();
        await page.locator(`[data-testid="task-row"][href$="${taskId}"]`).waitFor();
        await screenshot(page, `52-signoff-mine-${label}`);
      } finally {
        await context.close();
      }
    });
  }
});
