import { inject } from '@angular/core';
import { CanActivateFn, RedirectFunction, Router } from '@angular/router';
import type { UserRole } from '@duban/domain';
import { Session, storedSessionExpired } from './session';

export const authGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.isLoggedIn()) return true;
  const reason = storedSessionExpired() ? { reason: 'expired' } : {};
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url, ...reason } });
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
