import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { flushMicrotasks } from '../../../testing/fixtures';
import { DigestPreferenceComponent } from './digest-preference';

describe('DigestPreferenceComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('shows the saved choice and saves a new one', async () => {
    const fixture = TestBed.createComponent(DigestPreferenceComponent);
    fixture.detectChanges();
    http.expectOne('/api/me/digest').flush({ digest: 'none' });
    await flushMicrotasks();
    await fixture.whenStable();
    const el = fixture.nativeElement as HTMLElement;
    expect(el.querySelector('legend')?.textContent).toContain('催办邮件接收方式');
    const radios = Array.from(el.querySelectorAll<HTMLInputElement>('input[type="radio"]'));
    expect(radios.map((r) => r.closest('mat-radio-button')?.textContent?.trim())).toEqual([
      '逐条发送',
      '每日汇总（08:30）',
    ]);
    expect(radios[0].checked).toBe(true);

    radios[1].click();
    const put = http.expectOne('/api/me/digest');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ digest: 'daily' });
    put.flush({ digest: 'daily' });
    await flushMicrotasks();
    await fixture.whenStable();
    expect(el.querySelector('[role="status"]')?.textContent).toContain('已保存');
  });
});
