import { ChangeDetectionStrategy, Component, inject, OnInit } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Router } from '@angular/router';
import { Session } from '../core/session';

/** Only paths of this app (no `//host`): the fragment could have been crafted by anyone. */
function safePath(value: string | null): string {
  return value && /^\/(?![/\\])/.test(value) ? value : '/';
}

/**
 * Where single sign-on lands (`/login/sso#token=…&expiresIn=…&returnTo=…`): the token arrives in the
 * fragment (never sent to a server), is taken into the session and wiped from the address bar.
 */
@Component({
  selector: 'db-sso-callback',
  imports: [MatProgressBarModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <main class="sso">
      <p role="status">正在完成统一身份认证登录…</p>
      <mat-progress-bar mode="indeterminate" />
    </main>
  `,
  styles: `
    .sso {
      max-width: 420px;
      margin: 30vh auto 0;
      padding: 16px;
      text-align: center;
    }
  `,
})
export class SsoCallbackPage implements OnInit {
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  ngOnInit(): void {
    void this.finish();
  }

  private async finish(): Promise<void> {
    const fragment = new URLSearchParams(globalThis.location?.hash.slice(1) ?? '');
    globalThis.history?.replaceState(null, '', globalThis.location.pathname);
    const token = fragment.get('token');
    const expiresIn = Number(fragment.get('expiresIn'));
    if (!token || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      await this.router.navigate(['/login'], { queryParams: { ssoError: 'SSO_STATE_INVALID' } });
      return;
    }
    try {
      await this.session.adopt(token, expiresIn);
      await this.router.navigateByUrl(safePath(fragment.get('returnTo')));
    } catch {
      await this.router.navigate(['/login'], { queryParams: { ssoError: 'SSO_PROVIDER_ERROR' } });
    }
  }
}
