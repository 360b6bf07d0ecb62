import { Clipboard } from '@angular/cdk/clipboard';
import { TestBed } from '@angular/core/testing';
import { OneTimeActions } from './one-time-actions';

describe('OneTimeActions', () => {
  it('copies the text, says 已复制, and offers 我已记下，关闭', () => {
    const copy = vi.spyOn(TestBed.inject(Clipboard), 'copy').mockReturnValue(true);
    const fixture = TestBed.createComponent(OneTimeActions);
    fixture.componentRef.setInput('label', '复制用户名和密码');
    fixture.componentRef.setInput('testId', 'otp-copy');
    fixture.componentRef.setInput('text', '用户名：li\n初始密码：x');
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const [copyButton, close] = Array.from(host.querySelectorAll('button'));
    expect(copyButton.getAttribute('data-testid')).toBe('otp-copy');
    expect(copyButton.textContent?.trim()).toBe('复制用户名和密码');
    expect(close.textContent?.trim()).toBe('我已记下，关闭');
    copyButton.click();
    fixture.detectChanges();
    expect(copy).toHaveBeenCalledWith('用户名：li\n初始密码：x');
    expect(copyButton.textContent?.trim()).toBe('已复制');
  });
});
