import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { aUser, flushMicrotasks } from '../../testing/fixtures';
import { Session } from '../core/session';
import { LoginPage } from './login';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([])],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    http
      .expectOne('/api/auth/sso')
      .flush({ enabled: false, label: '', loginUrl: '/api/auth/oidc/login', passwordLogin: true });
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  const host = (): HTMLElement => fixture.nativeElement as HTMLElement;
  async function submit(username: string, password: string): Promise<void> {
    const [user, pass] = Array.from(host().querySelectorAll<HTMLInputElement>('input'));
    user.value = username;
    user.dispatchEvent(new Event('input'));
    pass.value = password;
    pass.dispatchEvent(new Event('input'));
    host().querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await fixture.whenStable();
  }

  it('asks for both fields before calling the API', async () => {
    await submit('', '');
    http.expectNone('/api/auth/login');
    expect(host().textContent).toContain('请输入用户名');
    expect(host().textContent).toContain('请输入密码');
  });

  it('shows the API message on a wrong password and stays signed out', async () => {
    await submit('dept-ndrc', 'wrong');
    http
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'AUTH_INVALID_CREDENTIALS', message: '用户名或密码不正确' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await flushMicrotasks();
    await fixture.whenStable();
    expect(host().querySelector('[role="alert"]')?.textContent).toContain('用户名或密码不正确');
    expect(TestBed.inject(Session).isLoggedIn()).toBe(false);
  });

  it('signs in, keeps the session and goes back to the page asked for', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/tasks/t-9');
    await submit(' dept-ndrc ', 'secret');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.body).toEqual({ username: 'dept-ndrc', password: 'secret' });
    req.flush({ accessToken: 'jwt', expiresIn: 3600, user: aUser('officer') });
    await flushMicrotasks();
    expect(TestBed.inject(Session).user()?.displayName).toBe('张三');
    expect(localStorage.getItem('duban.session')).toContain('jwt');
    expect(navigate).toHaveBeenCalledWith('/tasks/t-9');
  });
});
