/**
 * Issue 13, the reporting side, as a 督查室 uses it: the dashboard's rates, matrix, trend and legend;
 * a department's overdue tasks opened from a matrix cell; the monthly 督查通报 previewed and downloaded
 * as Word and PDF (the .docx read back, the PDF rendered by poppler and looked at in the browser).
 * Screenshots at 1280 and 390 px of every screen touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DESKTOP, launch, login, newPage, PHONE, SCREENSHOTS } from './support/browser';
import { englishLabels, overflow } from './support/checks';

const e2e = inject('e2e');
let browser: Browser;
let work: string;

beforeAll(async () => {
  browser = await launch();
  work = mkdtempSync(join(tmpdir(), 'duban-e2e-bulletin-'));
});

afterAll(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Last month in Shanghai, as the monthly bulletin covers. */
function lastMonth(): string {
  const now = new Date(Date.now() + 8 * 3_600_000);
  const y = now.getUTCMonth() === 0 ? now.getUTCFullYear() - 1 : now.getUTCFullYear();
  const m = now.getUTCMonth() === 0 ? 12 : now.getUTCMonth();
  return `${y}-${String(m).padStart(2, '0')}`;
}

function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage });
}

describe('dashboard and 督查通报 (issue 13)', () => {
  for (const [viewport, tag] of [
    [DESKTOP, '1280'],
    [PHONE, '390'],
  ] as const) {
    it(`shows rates, the matrix, the trend and the legend; a cell opens the department's overdue tasks (${tag})`, async () => {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.supervisor);
        await page.goto('/dashboard');
        // The matrix and the trend load as they scroll into view (@defer on viewport).
        await page.getByTestId('matrix').scrollIntoViewIfNeeded();
        await page.getByTestId('matrix-cell').first().waitFor();
        await page.getByTestId('trend').scrollIntoViewIfNeeded();
        await page.getByTestId('trend').locator('svg').first().waitFor();
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.getByTestId('trend').waitFor();
        expect(await page.getByTestId('light-legend').textContent()).toMatch(/连续 30 天没有进展报告/);
        expect(await page.getByTestId('tile-overdue-rate').textContent()).toContain('%');
        await shot(page, `reporting-dashboard-${tag}`, false);
        // Each new part at the top of the screen, as a reader scrolls to it.
        for (const part of ['rates', 'matrix', 'trend'] as const) {
          await page.getByTestId(part).evaluate((el) => el.scrollIntoView({ block: 'start' }));
          await shot(page, `reporting-dashboard-${part}-${tag}`, false);
        }
        expect((await overflow(page)).offenders).toEqual([]);
        expect(await englishLabels(page)).toEqual([]);

        // Sorting by 按期办结率 goes into the URL, so the view can be shared.
        await page.getByTestId('sort-onTimeRate').click();
        await page.waitForURL(/sort=onTimeRate\.desc/);

        const cell = page.locator('[data-testid="matrix-cell"][href*="overdue=true"]').first();
        const label = (await cell.getAttribute('aria-label')) ?? '';
        const overdueCount = Number(/逾期 (\d+) 项/.exec(label)?.[1]);
        expect(overdueCount).toBeGreaterThan(0);
        await cell.click();
        await page.waitForURL(/\/tasks\?.*department=.*overdue=true/);
        await page.getByTestId('task-row').first().waitFor();
        const url = new URL(page.url());
        expect(url.searchParams.get('role')).toBe('lead');
        expect(url.searchParams.get('document')).toBeTruthy();
        // The list holds exactly the cell's tasks (it is virtual: count the total, not the rendered rows).
        await expect
          .poll(async () => page.getByTestId('task-count').textContent())
          .toContain(`共 ${overdueCount} 项`);
        expect(await page.getByTestId('filter-overdue').locator('input').isChecked()).toBe(true);
        await shot(page, `reporting-drilldown-${tag}`, false);
      } finally {
        await context.close();
      }
    });
  }

  it('previews the monthly 通报 and downloads it as Word and PDF (1280)', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, DESKTOP);
    try {
      await login(page, e2e.supervisor);
      await page.goto('/dashboard');
      await page.getByTestId('to-bulletins').click();
      await page.waitForURL(/\/bulletins/);
      await page.getByTestId('bulletin-preview').waitFor();
      expect(page.url()).toContain(`period=${lastMonth()}`);
      // The month running now (judged as of today): the test's tasks were all created this month.
      const [year, month] = thisMonth().split('-');
      await page.getByTestId('period-year').click();
      await page.getByRole('option', { name: `${year}年` }).click();
      await page.getByTestId('period-month').click();
      await page.getByRole('option', { name: `${Number(month)}月`, exact: true }).click();
      await page.getByTestId('preview').click();
      await page.waitForURL(new RegExp(`period=${thisMonth()}`));
      await expect
        .poll(async () => page.getByTestId('bulletin-totals').textContent())
        .not.toMatch(/^\s*0\s*任务数/);
      expect(await page.getByTestId('bulletin-departments').locator('tbody tr').count()).toBeGreaterThan(1);
      await shot(page, 'reporting-bulletin-1280');
      expect(await englishLabels(page)).toEqual([]);

      const [docx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-docx').click(),
      ]);
      expect(docx.suggestedFilename()).toMatch(/^督查通报（\d{4}年\d{1,2}月）-全部任务\.docx$/);
      const docxPath = join(work, 'b.docx');
      await docx.saveAs(docxPath);
      const xml = await (
        await JSZip.loadAsync(readFileSync(docxPath))
      )
        .file('word/document.xml')!
        .async('string');
      expect(xml).toContain('各单位办理情况');
      // The unit table and the ranking always; the overdue and returned lists when the month has any.
      expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThanOrEqual(2);
      expect(xml).toContain('逾期未办结事项');

      const [pdf] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('download-pdf').click(),
      ]);
      const pdfPath = join(work, 'b.pdf');
      await pdf.saveAs(pdfPath);
      expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
      execFileSync('pdftoppm', [
        '-png',
        '-r',
        '80',
        '-f',
        '1',
        '-l',
        '1',
        '-singlefile',
        pdfPath,
        join(work, 'page'),
      ]);
      const png = readFileSync(join(work, 'page.png')).toString('base64');
      // The rendered page, looked at in the browser like a person opening the file.
      const viewer = await context.newPage();
      await viewer.setViewportSize({ width: 900, height: 1200 });
      await viewer.setContent(
        `<body style="margin:0;background:#777"><img alt="通报第一页" style="display:block;margin:0 auto" src="data:image/png;base64,${png}"></body>`,
      );
      await viewer.screenshot({
        path: join(SCREENSHOTS, 'reporting-bulletin-pdf-page1.png'),
        fullPage: true,
      });
      const text = execFileSync('pdftotext', [pdfPath, '-']).toString();
      expect(text).toContain('督查通报');
      expect(text).toContain('各单位办理情况');
      expect(text).toContain('逾期未办结事项');
    } finally {
      await context.close();
    }
  });

  it('fits the 通报 page on a phone (390)', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await login(page, e2e.supervisor);
      await page.goto(`/bulletins?period=${lastMonth()}`);
      await page.getByTestId('bulletin-preview').waitFor();
      await shot(page, 'reporting-bulletin-390');
      expect((await overflow(page)).offenders).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
