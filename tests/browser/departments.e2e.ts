/**
 * Issue 12 in the browser: the admin's 部门 panel (search, 新增单位, 合并 with the successor picker and what
 * moves) and the 督查室's 「待明确责任单位」 queue (the corpus file's measures led only by 各省级人民政府).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { DepartmentDto } from '@duban/domain/contract';
import type { E2eUser } from './support/data';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';
import { englishLabels, overflow } from './support/checks';

const e2e = inject('e2e');

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function token(user: E2eUser): Promise<string> {
  const res = await fetch(`${e2e.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function api<T>(user: E2eUser, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${e2e.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token(user)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  expect(res.status, `${method} ${path}`).toBeLessThan(300);
  return (await res.json()) as T;
}

/** Types into the successor picker and picks the option; again if a re-render swallowed the click (loaded CI host). */
async function chooseSuccessor(page: Page, typed: string, option: RegExp): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.getByTestId('merge-into').fill(typed);
    await page.getByRole('option', { name: option }).click();
    try {
      await page.getByTestId('merge-summary').waitFor({ timeout: 3_000 });
      return;
    } catch (err) {
      if (attempt >= 3) throw err;
    }
  }
}

async function checkLayout(page: Page): Promise<void> {
  expect((await overflow(page)).offenders).toEqual([]);
  expect(await englishLabels(page)).toEqual([]);
}

describe('departments administration', () => {
  it('creates a unit in the panel and merges another into it through the merge dialog', async () => {
    // A unit with one task, to be merged (立项 by the 督查室 through the API).
    const source = await api<DepartmentDto>(e2e.admin, 'POST', '/api/departments', {
      name: '浏览器测试撤并局',
      aliases: ['撤并局'],
      kind: 'local',
      jurisdiction: '杭州市',
    });
    await api(e2e.admin, 'POST', '/api/departments', {
      name: '浏览器测试继任局',
      aliases: ['继任局'],
      kind: 'local',
    });
    await api(e2e.supervisor, 'POST', '/api/tasks', {
      source: { kind: 'other', title: '浏览器合并测试来源' },
      text: '完善浏览器测试撤并局的工作台账。',
      leadDepartmentIds: [source.id],
      participantDepartmentIds: [],
      deadline: null,
    });
    // Phone first: it only looks at the dialog; the desktop run then merges.
    for (const viewport of [PHONE, DESKTOP]) {
      const wide = viewport === DESKTOP;
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.admin);
        await page.goto('/admin');
        await page.getByTestId('dept-row').first().waitFor();
        await page.getByTestId('dept-filter').fill('测试');
        await expect.poll(() => page.getByTestId('dept-row').count()).toBeGreaterThan(0);
        if (wide) {
          await page.getByTestId('dept-create').click();
          await page.getByTestId('dept-name').fill('浏览器测试新建局');
          await page.getByTestId('dept-aliases').fill('新建局、测试新建局');
          await page.getByTestId('dept-jurisdiction').fill('杭州市');
          await page.getByTestId('dept-save').click();
          await expect
            .poll(() => page.getByTestId('dept-message').textContent())
            .toContain('已新增“浏览器测试新建局”');
          // The list reloads after the save: the new unit is listed.
          await expect
            .poll(() => page.getByTestId('dept-row').filter({ hasText: '浏览器测试新建局' }).count())
            .toBe(1);
        }
        await checkLayout(page);
        await screenshot(page, `30-departments-panel-${wide ? 1280 : 390}`);
        if (wide) {
          // 导入名录: a CSV previewed row by row, then written.
          await page.getByTestId('dept-import-file').setInputFiles({
            name: '名录.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from('名称,简称,辖区,类别,继任单位\n浏览器测试名录局,名录局,杭州市,地方,\n'),
          });
          await expect.poll(() => page.getByTestId('directory-summary').textContent()).toContain('新增 1');
          await page.waitForTimeout(400); // the dialog's opening animation
          await screenshot(page, '33-directory-import-1280');
          await page.getByTestId('directory-commit').click();
          await expect
            .poll(() => page.getByTestId('dept-message').textContent())
            .toContain('名录已导入：新增 1 个单位');
        }

        await page.getByTestId('dept-filter').fill('撤并局');
        // After the merge the successor's row names it too (as a short name and predecessor): match the name cell.
        const row = page
          .getByTestId('dept-row')
          .filter({ has: page.locator('td:first-child', { hasText: '浏览器测试撤并局' }) });
        await row.getByTestId('dept-merge').click();
        await page.getByTestId('merge-usage').waitFor();
        await expect.poll(() => page.getByTestId('merge-usage').textContent()).toContain('任务：1 项');
        await chooseSuccessor(page, '继任局', /浏览器测试继任局/);
        await expect
          .poll(() => page.getByTestId('merge-summary').textContent())
          .toContain('1 项任务和 0 个账号将转到“浏览器测试继任局”');
        // Leave the field so it shows the chosen unit's name.
        await page.getByRole('heading', { name: '合并单位' }).click();
        await checkLayout(page);
        await screenshot(page, `31-department-merge-${wide ? 1280 : 390}`);
        if (wide) {
          await page.getByTestId('merge-confirm').click();
          await expect
            .poll(() => page.getByTestId('dept-message').textContent())
            .toContain('已并入“浏览器测试继任局”');
          // The merged unit stays listed with its successor and offers no second merge.
          await expect.poll(() => row.textContent()).toContain('浏览器测试继任局');
          expect(await row.getByTestId('dept-merge').count()).toBe(0);
        } else {
          await page.keyboard.press('Escape');
        }
      } finally {
        await context.close();
      }
    }
  });

  it('shows the 督查室 the 待明确责任单位 queue, each item leading to its task', async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const { context, page } = await newPage(browser, e2e.baseUrl, viewport);
      try {
        await login(page, e2e.supervisor);
        await page.goto('/dashboard');
        const tab = page.getByRole('tab', { name: /待明确责任单位（\d+）/ });
        await tab.click();
        await page.getByTestId('unassigned-item').first().waitFor();
        expect(await tab.textContent()).not.toContain('（0）');
        // Each item's only lead is a collective party (各省级人民政府, 各级旅游部门, 有关部门 …), shown by name.
        const leadOf = (text: string | null) => /牵头：\s*(\S+?)\s*·/u.exec(text ?? '')?.[1] ?? '';
        await expect
          .poll(async () => leadOf(await page.getByTestId('unassigned-item').first().textContent()))
          .toMatch(/^(各|有关|相关)/u);
        // The tab's click ripple overflows while it fades.
        await expect.poll(() => page.locator('.mat-ripple-element').count()).toBe(0);
        await checkLayout(page);
        // The queue just below the (sticky) header, so the phone shot shows the tab and its first items.
        await tab.evaluate((el) => {
          const header = document.querySelector('header, mat-toolbar')?.getBoundingClientRect().height ?? 0;
          window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - header - 8);
        });
        await screenshot(page, `32-dashboard-unassigned-${viewport === DESKTOP ? 1280 : 390}`);
        // The dashboard refreshes its queues: follow the link's target rather than racing a re-render.
        const href = await page
          .getByTestId('unassigned-item')
          .first()
          .locator('a.q-title')
          .getAttribute('href');
        expect(href).toMatch(/^\/tasks\/[0-9a-f-]{36}$/);
        await page.goto(href!);
        await page.getByTestId('task-title').waitFor();
        await page.getByTestId('edit-departments-open').waitFor();
      } finally {
        await context.close();
      }
    }
  });
});
