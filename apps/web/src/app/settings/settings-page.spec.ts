import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { aUser, flushMicrotasks, signInAs } from '../../testing/fixtures';
import { SettingsPage } from './settings-page';

describe('SettingsPage', () => {
  let fixture: ComponentFixture<SettingsPage>;
  let http: HttpTestingController;
  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string): T =>
    host().querySelector<T>(`[data-testid="${id}"]`)!;

  function type(id: string, value: string): void {
    const input = byTestId<HTMLInputElement>(id);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function save(id: string): Promise<void> {
    byTestId<HTMLButtonElement>(id).click();
    await flushMicrotasks();
    await fixture.whenStable();
  }

  beforeEach(() => {
    signInAs('officer', { email: 'zhang@example.cn' });
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SettingsPage);
    fixture.detectChanges();
    http.expectOne('/api/me').flush(aUser('officer', { email: 'zhang@example.cn' }));
    http.expectOne('/api/notifications/preferences').flush({ email: true, sms: false });
    http.expectOne('/api/me/digest').flush({ digest: 'none' });
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it('draws the contact and password cards with their fields, labels and hints', () => {
    for (const [section, heading] of [
      ['s-contact', '联系方式'],
      ['s-password', '修改密码'],
    ]) {
      expect(host().querySelector(`section[aria-labelledby="${section}"] h2#${section}`)?.textContent).toBe(
        heading,
      );
    }
    const types = ['email', 'phone', 'current', 'next', 'repeat'].map((c) => [
      byTestId<HTMLInputElement>(`settings-${c}`).type,
      byTestId<HTMLInputElement>(`settings-${c}`).getAttribute('autocomplete'),
    ]);
    expect(types).toEqual([
      ['email', 'email'],
      ['tel', 'tel'],
      ['password', 'current-password'],
      ['password', 'new-password'],
      ['password', 'new-password'],
    ]);
    expect(byTestId<HTMLInputElement>('settings-email').value).toBe('zhang@example.cn');
    expect(host().textContent).toContain('接收通知邮件；留空表示不填');
    expect(host().textContent).toContain('个字符，两类字符，不含用户名');
    expect(host().querySelector<HTMLInputElement>('input[hidden][name="username"]')?.value).toBe(
      'ndrc.officer',
    );
  });

  it('saves the contact details and says so', async () => {
    type('settings-phone', ' 13800000000 ');
    await save('settings-contact-save');
    const req = http.expectOne('/api/me');
    expect(req.request.body).toEqual({ email: 'zhang@example.cn', phone: '13800000000' });
    req.flush(aUser('officer', { email: 'zhang@example.cn', phone: '13800000000' }));
    await flushMicrotasks();
    fixture.detectChanges();
    expect(host().querySelector('[role="status"]')?.textContent).toBe('联系方式已保存');
  });

  it('says what is wrong with a password before asking the API', async () => {
    await save('settings-password-save');
    fixture.detectChanges();
    expect(host().querySelector('[role="alert"]')?.textContent).toBe('请输入当前密码。');
    http.expectNone('/api/auth/password');
  });
});
