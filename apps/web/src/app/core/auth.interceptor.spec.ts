import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { signInAs } from '../../testing/fixtures';
import { authInterceptor } from './auth.interceptor';
import { Session } from './session';

describe('authInterceptor', () => {
  let http: HttpClient;
  let ctrl: HttpTestingController;

  beforeEach(() => {
    signInAs('officer');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([]),
      ],
    });
    http = TestBed.inject(HttpClient);
    ctrl = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    ctrl.verify();
    localStorage.clear();
  });

  it('adds the bearer token to API calls only', async () => {
    const api = firstValueFrom(http.get('/api/me'));
    const me = ctrl.expectOne('/api/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer token-officer');
    me.flush({});
    await api;
    const other = firstValueFrom(http.get('/assets/x.json'));
    const req = ctrl.expectOne('/assets/x.json');
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({});
    await other;
  });

  it('signs out and goes to the login page on 401', async () => {
    const router = TestBed.inject(Router);
    const navigate = vi.spyOn(router, 'navigate').mockResolvedValue(true);
    const call = firstValueFrom(http.get('/api/tasks'));
    ctrl
      .expectOne('/api/tasks')
      .flush(
        { statusCode: 401, code: 'UNAUTHORIZED', message: '登录已过期' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await expect(call).rejects.toBeTruthy();
    expect(TestBed.inject(Session).isLoggedIn()).toBe(false);
    expect(localStorage.getItem('duban.session')).toBeNull();
    expect(navigate).toHaveBeenCalledWith(
      ['/login'],
      expect.objectContaining({ queryParams: expect.any(Object) as object }),
    );
  });
});
