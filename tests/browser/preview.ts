/**
 * Screenshots of every main screen against the canned fake API, at 1280 px and at phone width:
 * `npx tsx tests/browser/preview.ts` (after `npx nx build web`). Output: tests/browser/screenshots/preview-*.png.
 */
import { launch, newPage, PHONE, screenshot } from './support/browser';
import { startFakeApi } from './support/fake-api';
import { freePort } from './support/stack';

async function main(): Promise<void> {
  const port = await freePort();
  const server = await startFakeApi(port);
  const browser = await launch();
  const base = `http://127.0.0.1:${port}`;
  try {
    for (const [label, viewport] of [
      ['desktop', { width: 1280, height: 900 }],
      ['phone', PHONE],
    ] as const) {
      const { context, page } = await newPage(browser, base, viewport);
      await page.goto('/login');
      await screenshot(page, `preview-${label}-login`);
      for (const user of ['officer', 'supervisor', 'admin']) {
        await page.evaluate(() => localStorage.clear());
        await page.goto('/login');
        await page.getByLabel('用户名').fill(user);
        await page.getByLabel('密码').fill('x');
        await page.getByRole('button', { name: '登录' }).click();
        await page.waitForURL((u) => !u.pathname.startsWith('/login'));
        if (user === 'officer') {
          await page.getByTestId('task-row').first().waitFor();
          await screenshot(page, `preview-${label}-tasks`);
          await page.goto('/tasks/t5');
          await page.getByTestId('task-title').waitFor();
          await screenshot(page, `preview-${label}-detail`);
          await page.locator('[data-testid="report-group"]').first().scrollIntoViewIfNeeded();
          await screenshot(page, `preview-${label}-detail-reports`);
          await page.goto('/inbox');
          await page.getByText('催办：任务已逾期').waitFor();
          await screenshot(page, `preview-${label}-inbox`);
        } else if (user === 'supervisor') {
          await page.getByTestId('totals').waitFor();
          await page.waitForTimeout(300);
          await screenshot(page, `preview-${label}-dashboard`);
          await page.goto('/import');
          await screenshot(page, `preview-${label}-import`);
          // A co-led task: the 督查室 chooses the 主办.
          await page.goto('/tasks/t5');
          await page.getByTestId('responsibility-card').scrollIntoViewIfNeeded();
          await screenshot(page, `preview-${label}-detail-main-lead`);
        } else {
          await page.goto('/admin');
          await page.getByRole('cell', { name: '国家发展改革委' }).first().waitFor();
          await screenshot(page, `preview-${label}-admin`);
        }
      }
      await context.close();
    }
    console.log('screenshots written to tests/browser/screenshots/preview-*.png');
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
