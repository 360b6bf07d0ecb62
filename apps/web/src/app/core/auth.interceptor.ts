import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

/** Adds the bearer token to API calls and sends the user back to the login page when it is rejected. */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  const session = inject(Session);
  const router = inject(Router);
  const token = session.token();
  const isLogin = req.url.endsWith('/api/auth/login');
  const isLogout = req.url.endsWith('/api/auth/logout');
  const authed =
    token && req.url.startsWith('/api/') && !isLogin && !req.headers.has('Authorization')
      ? req.clone({ setHeaders: { Authorization: `Bearer ${token}` } })
      : req;
  return next(authed).pipe(
    catchError((err: unknown) => {
      if (err instanceof HttpErrorResponse && err.status === 401 && !isLogin && !isLogout) {
        session.logout({ serverSide: false });
        // reason=expired lets the login page say why the user is there (and that they will come back here).
        void router.navigate(['/login'], { queryParams: { returnUrl: router.url, reason: 'expired' } });
      }
      return throwError(() => err);
    }),
  );
};
