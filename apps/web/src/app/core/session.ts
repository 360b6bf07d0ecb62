import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginResponseDto, MeDto, UpdateMeRequestDto, UserRole } from '@duban/domain/contract';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'duban.session';

interface StoredSession {
  token: string;
  user: MeDto;
  expiresAt: number;
}

// Re-exported from the shared vocabulary so existing imports keep working.
export { ROLE_LABELS } from '@duban/domain/contract';

/** The signed-in user and bearer token; kept in localStorage so a reload keeps the session. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly state = signal<StoredSession | null>(readStored());

  readonly user = computed(() => this.state()?.user ?? null);
  readonly token = computed(() => this.state()?.token ?? null);
  readonly isLoggedIn = computed(() => this.state() !== null);
  /** A one-time password (seed, admin reset) must be changed before anything else opens. */
  readonly mustChangePassword = computed(() => this.state()?.user.mustChangePassword === true);
  readonly role = computed(() => this.state()?.user.role ?? null);
  readonly isReviewer = computed(() => {
    const role = this.role();
    return role === 'supervisor' || role === 'admin';
  });

  async login(username: string, password: string): Promise<MeDto> {
    const res = await firstValueFrom(
      this.http.post<LoginResponseDto>('/api/auth/login', { username, password }),
    );
    const session: StoredSession = {
      token: res.accessToken,
      user: res.user,
      expiresAt: Date.now() + res.expiresIn * 1000,
    };
    this.state.set(session);
    writeStored(session);
    return res.user;
  }

  /** Takes a token issued by single sign-on: asks who it belongs to, then keeps it like a password login's. */
  async adopt(token: string, expiresIn: number): Promise<MeDto> {
    const user = await firstValueFrom(
      this.http.get<MeDto>('/api/me', { headers: { Authorization: `Bearer ${token}` } }),
    );
    const session: StoredSession = { token, user, expiresAt: Date.now() + expiresIn * 1000 };
    this.state.set(session);
    writeStored(session);
    return user;
  }

  /**
   * Ends the session on the server too (the token is refused from then on), then forgets it here.
   * `serverSide: false` when the server already refused the token (a 401).
   */
  logout(options: { serverSide?: boolean } = {}): void {
    const token = this.token();
    if (token && options.serverSide !== false) {
      // Not awaited: the user is signed out here at once, even when the network is down.
      this.http
        .post<void>('/api/auth/logout', null, { headers: { Authorization: `Bearer ${token}` } })
        .subscribe({ error: () => undefined });
    }
    this.state.set(null);
    writeStored(null);
  }

  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    await firstValueFrom(this.http.post<void>('/api/auth/password', { currentPassword, newPassword }));
    const current = this.state();
    if (current) {
      const next = { ...current, user: { ...current.user, mustChangePassword: false } };
      this.state.set(next);
      writeStored(next);
    }
  }

  /** 个人设置: the caller's own e-mail and phone (PATCH /api/me); the stored user follows the answer. */
  async updateContact(change: UpdateMeRequestDto): Promise<MeDto> {
    const user = await firstValueFrom(this.http.patch<MeDto>('/api/me', change));
    this.keepUser(user);
    return user;
  }

  /** Re-reads the caller (GET /api/me): an admin may have changed the name or department meanwhile. */
  async refresh(): Promise<MeDto> {
    const user = await firstValueFrom(this.http.get<MeDto>('/api/me'));
    this.keepUser(user);
    return user;
  }

  private keepUser(user: MeDto): void {
    const current = this.state();
    if (!current) return;
    const next = { ...current, user };
    this.state.set(next);
    writeStored(next);
  }

  hasRole(...roles: UserRole[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }
}

function readStored(): StoredSession | null {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as StoredSession;
    // An expired token would only produce a 401 on the first request; drop it up front.
    return parsed.expiresAt > Date.now() ? parsed : null;
  } catch {
    return null;
  }
}

function writeStored(session: StoredSession | null): void {
  try {
    if (session) globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(session));
    else globalThis.localStorage?.removeItem(STORAGE_KEY);
  } catch {
    // Private mode or disabled storage: the session just lasts for this page.
  }
}

/** True when the browser still holds a session whose time ran out (so the login page can say why). */
export function storedSessionExpired(): boolean {
  try {
    const raw = globalThis.localStorage?.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession).expiresAt <= Date.now() : false;
  } catch {
    return false;
  }
}
