import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { LoginResponseDto, MeDto, UserRole } from '@duban/domain';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'duban.session';

interface StoredSession {
  token: string;
  user: MeDto;
  expiresAt: number;
}

// Re-exported from the shared vocabulary so existing imports keep working.
export { ROLE_LABELS } from '@duban/domain';

/** The signed-in user and bearer token; kept in localStorage so a reload keeps the session. */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly http = inject(HttpClient);
  private readonly state = signal<StoredSession | null>(readStored());

  readonly user = computed(() => this.state()?.user ?? null);
  readonly token = computed(() => this.state()?.token ?? null);
  readonly isLoggedIn = computed(() => this.state() !== null);
  readonly role = computed(() => this.state()?.user.role ?? null);
  readonly isReviewer = computed(() => {
    const role = this.role();
    return role === 'supervisor' || role === 'admin';
  });

  async login(username: string, password: string): Promise<MeDto> {
    const res = await firstValueFrom(this.http.post<LoginResponseDto>('/api/auth/login', { username, password }));
    const session: StoredSession = {
      token: res.accessToken,
      user: res.user,
      expiresAt: Date.now() + res.expiresIn * 1000,
    };
    this.state.set(session);
    writeStored(session);
    return res.user;
  }

  logout(): void {
    this.state.set(null);
    writeStored(null);
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
