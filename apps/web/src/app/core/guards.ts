import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import type { UserRole } from '@duban/domain/contract';
import { Session, storedSessionExpired } from './session';

export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (!session.isLoggedIn()) {
    const reason = storedSessionExpired() ? { reason: 'expired' } : {};
    return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url, ...reason } });
  }
  // The API answers nothing else until a one-time password is changed: go there first.
  if (session.mustChangePassword())
    return inject(Router).createUrlTree(['/password'], { queryParams: { returnUrl: state.url } });
  return true;
};

/** The 修改密码 page needs a session but is open while the password must still change. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  return session.isLoggedIn()
    ? true
    : inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

export function roleGuard(...roles: UserRole[]): CanActivateFn {
  return () => {
    const session = inject(Session);
    return session.hasRole(...roles) ? true : inject(Router).createUrlTree(['/forbidden']);
  };
}

/** Officers land on their task list, reviewers on the dashboard. */
export const homeRedirect: RedirectFunction = () => {
  const session = inject(Session);
  return session.isReviewer() ? '/dashboard' : '/tasks';
};
