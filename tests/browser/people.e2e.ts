/**
 * Issue 12, users are people, in the browser: an admin creates an officer (the one-time password is
 * shown once), imports people from Excel, resets a password; the new officer logs in, must change
 * the password first, lands in the app with 「显示名 · 部门」 in the header, and saves an e-mail in 个人设置.
 */
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { englishLabels, overflow } from './support/checks';
import { DESKTOP, launch, login, newPage, PHONE, screenshot } from './support/browser';

const e2e = inject('e2e');
const NEW_PASSWORD = 'Maple-harbor-2026';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function userSheet(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('用户');
  sheet.addRow(['用户名', '姓名', '角色', '所属部门', '邮箱', '手机']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function openUsers(page: Page): Promise<void> {
  await page.goto('/admin');
  await page.getByRole('tab', { name: '用户' }).click();
  await page.getByTestId('users-table').getByText(e2e.admin.username).waitFor();
}

/** Waits until an opened dialog has finished its entrance (a screenshot mid-animation is half transparent). */
async function dialogSettled(page: Page): Promise<void> {
  await page.locator('.mat-mdc-dialog-container.mdc-dialog--open').last().waitFor();
  await page.waitForTimeout(300);
}

/** Types into the dialog's department picker and picks the option. */
async function pickDepartment(page: Page, name: string): Promise<void> {
  const input = page.getByTestId('user-department');
  await input.click();
  await input.fill(name);
  await page.locator('.db-picker-panel mat-option', { hasText: name }).first().click();
}

async function importSheet(page: Page, rows: string[][], name: string): Promise<void> {
  await page.getByTestId('users-import').click();
  await page.getByTestId('import-file').setInputFiles({
    name: `${name}.xlsx`,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: await userSheet(rows),
  });
  await page.getByTestId('import-rows').getByText('没有找到部门').waitFor();
  await page.getByTestId('import-commit').click();
  await page.getByTestId('import-created').waitFor();
}

describe('people', () => {
  let officerPassword = '';

  it('an admin creates an officer and sees the one-time password once; imports people from Excel', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, DESKTOP);
    try {
      await login(page, e2e.admin);
      await openUsers(page);
      await screenshot(page, '60-users-panel-1280');
      await page.getByTestId('users-create').click();
      await page.getByTestId('user-username').fill('e2e.zhang');
      await page.getByTestId('user-name').fill('张伟');
      await pickDepartment(page, e2e.task.department);
      await page.getByTestId('user-email').fill('bad@');
      await page.getByTestId('user-save').click();
      await expect.poll(() => page.getByRole('alert').textContent()).toContain('格式不正确');
      await page.getByTestId('user-email').fill('zhang.wei@example.gov.cn');
      await screenshot(page, '61-user-dialog-1280');
      await page.getByTestId('user-save').click();
      const secret = page.getByTestId('otp-password');
      await secret.waitFor();
      officerPassword = (await secret.textContent())?.trim() ?? '';
      expect(officerPassword).toMatch(/^[A-Za-z2-9-]{14,17}$/);
      await dialogSettled(page);
      await screenshot(page, '62-one-time-password-1280');
      await page.getByRole('button', { name: '我已记下，关闭' }).click();
      await page.getByTestId('users-table').getByText('e2e.zhang').waitFor();

      await importSheet(
        page,
        [
          ['e2e.li', '李娜', '部门负责人', e2e.task.department, 'li.na@example.gov.cn', '13800138000'],
          ['e2e.bad', '赵磊', '经办人', '不存在的委员会', '', ''],
        ],
        '用户',
      );
      expect(await page.getByTestId('import-created').textContent()).toContain('e2e.li');
      expect(await page.getByTestId('import-rows').textContent()).toContain('没有找到部门“不存在的委员会”');
      await screenshot(page, '63-user-import-1280');
      await page.getByRole('button', { name: '我已记下，关闭' }).click();
      await page.getByTestId('users-table').getByText('e2e.li').waitFor();
    } finally {
      await context.close();
    }
  });

  it('the same screens fit a phone', async () => {
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await login(page, e2e.admin);
      await openUsers(page);
      expect((await overflow(page)).offenders).toEqual([]);
      await screenshot(page, '60-users-panel-390');
      await page.getByTestId('users-create').click();
      // (No englishLabels check here: usernames such as e2e.admin are data, named in the row buttons' labels.)
      await page.getByTestId('user-name').waitFor();
      await dialogSettled(page);
      await screenshot(page, '61-user-dialog-390');
      await page.getByRole('button', { name: '取消' }).click();

      page.once('dialog', (dialog) => void dialog.accept());
      const row = page.getByTestId('users-table').getByRole('row').filter({ hasText: 'e2e.li' });
      await row.getByRole('button', { name: '更多操作 e2e.li' }).click();
      await page.getByRole('menuitem', { name: '重置密码' }).click();
      await page.getByTestId('otp-password').waitFor();
      await dialogSettled(page);
      await screenshot(page, '62-one-time-password-390');
      await page.getByRole('button', { name: '我已记下，关闭' }).click();

      await importSheet(
        page,
        [
          ['e2e.wu', '吴敏', '督查室', '', '', ''],
          ['e2e.sun', '孙丽', '经办人', '不存在的委员会', 'sun@', ''],
        ],
        '用户-手机',
      );
      await screenshot(page, '63-user-import-390');
    } finally {
      await context.close();
    }
  });

  it('the new officer must change the password, lands in the app and saves an e-mail in 个人设置', async () => {
    expect(officerPassword).not.toBe('');
    const { context, page } = await newPage(browser, e2e.baseUrl, PHONE);
    try {
      await page.goto('/login');
      await page.getByLabel('用户名').fill('e2e.zhang');
      await page.getByLabel('密码', { exact: true }).fill(officerPassword);
      await page.getByRole('button', { name: '登录' }).click();
      await page.waitForURL('**/password**');
      await page.getByLabel('当前密码').fill(officerPassword);
      await page.getByLabel('新密码', { exact: true }).fill(NEW_PASSWORD);
      await page.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
      await page.getByRole('button', { name: '保存新密码' }).click();
      await page.waitForURL((url) => url.pathname.startsWith('/tasks'));
      const header = await page.getByTestId('user-menu').textContent();
      expect(header).toContain(`张伟 · ${e2e.task.department}`);
      // The department once: not in the name line and again in the role line.
      expect(header?.split(e2e.task.department).length).toBe(2);

      await page.getByTestId('user-menu').click();
      await page.getByTestId('menu-settings').click();
      await page.waitForURL('**/settings');
      await expect
        .poll(() => page.getByTestId('settings-email').inputValue())
        .toBe('zhang.wei@example.gov.cn');
      await page.getByTestId('settings-email').fill('zhang.wei@ndrc.example.cn');
      await page.getByTestId('settings-phone').fill('010-68501234');
      await page.getByTestId('settings-contact-save').click();
      await page.getByText('联系方式已保存').waitFor();
      const me = await page.evaluate(async () => {
        const token = (JSON.parse(localStorage.getItem('duban.session') ?? '{}') as { token: string }).token;
        const res = await fetch('/api/me', { headers: { Authorization: `Bearer ${token}` } });
        return (await res.json()) as { email: string; phone: string };
      });
      expect(me).toMatchObject({ email: 'zhang.wei@ndrc.example.cn', phone: '010-68501234' });
      expect((await overflow(page)).offenders).toEqual([]);
      expect(await englishLabels(page)).toEqual([]);
      await screenshot(page, '64-settings-390');
      await page.setViewportSize(DESKTOP);
      await page.getByTestId('pref-email').waitFor();
      // The daily digest is chosen here too, and kept by the server.
      await page.getByRole('radio', { name: /每日汇总/ }).check();
      await page.locator('db-digest-preference').getByText('已保存').waitFor();
      const digest = await page.evaluate(async () => {
        const token = (JSON.parse(localStorage.getItem('duban.session') ?? '{}') as { token: string }).token;
        const res = await fetch('/api/me/digest', { headers: { Authorization: `Bearer ${token}` } });
        return (await res.json()) as unknown;
      });
      expect(JSON.stringify(digest)).toContain('daily');
      await page.locator('db-digest-preference').scrollIntoViewIfNeeded();
      await screenshot(page, '64-settings-1280');
    } finally {
      await context.close();
    }
  });
});
