import { TestBed } from '@angular/core/testing';
import { ErrorAlert } from './error-alert';

describe('ErrorAlert', () => {
  function render(message: string | null, testId?: string): HTMLElement {
    const fixture = TestBed.createComponent(ErrorAlert);
    fixture.componentRef.setInput('message', message);
    if (testId) fixture.componentRef.setInput('testId', testId);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('shows nothing without a message', () => {
    expect(render(null).querySelector('p')).toBeNull();
  });

  it('reads the message out at once, as error text, with the test id when given', () => {
    const p = render('保存失败', 'thing-error').querySelector('p')!;
    expect(p.textContent).toBe('保存失败');
    expect(p.getAttribute('role')).toBe('alert');
    expect(p.classList).toContain('error-text');
    expect(p.getAttribute('data-testid')).toBe('thing-error');
    expect(render('保存失败').querySelector('p')!.hasAttribute('data-testid')).toBe(false);
  });
});
