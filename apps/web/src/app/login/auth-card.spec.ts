import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { AuthCard } from './auth-card';

@Component({
  imports: [AuthCard],
  template: `
    <db-auth-card
      pageClass="page"
      heading="修改密码"
      subtitle="修改后，其他设备上的登录将全部失效。"
      [width]="460"
      [busy]="busy()"
    >
      <form data-testid="the-form"></form>
    </db-auth-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Host {
  readonly busy = signal(false);
}

describe('AuthCard', () => {
  it('is the page’s <main> with its class, the heading, the subtitle and the form inside the card', () => {
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    const host = fixture.nativeElement as HTMLElement;
    const main = host.querySelector('main')!;
    expect(main.className).toBe('page');
    expect(main.querySelector('mat-card-title h1')?.textContent?.trim()).toBe('修改密码');
    expect(main.querySelector('mat-card-subtitle')?.textContent?.trim()).toBe(
      '修改后，其他设备上的登录将全部失效。',
    );
    expect(main.querySelector<HTMLElement>('mat-card')?.style.width).toBe('min(460px, 100%)');
    expect(main.querySelector('mat-card-content [data-testid="the-form"]')).not.toBeNull();
    expect(main.querySelector('mat-progress-bar')).toBeNull();
    fixture.componentInstance.busy.set(true);
    fixture.detectChanges();
    expect(main.querySelector('mat-card-content mat-progress-bar')).not.toBeNull();
  });
});
