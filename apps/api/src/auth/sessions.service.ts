import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, type Repository } from 'typeorm';
import type { AppConfig } from '../infra/config/app-config';
import { InjectConfig } from '../infra/config/config.module';
import { SessionEntity } from './session.entity';

/** How long this process trusts an open session without a query (also bounds cross-instance lag). */
export const SESSION_CACHE_MS = 5_000;
/** `last_seen_at` is written at most this often per session (it is what makes the session slide). */
const TOUCH_EVERY_MS = 60_000;
const SESSION_CACHE_MAX = 10_000;

export type RevokeReason =
  | 'logout'
  | 'password_changed'
  | 'deactivated'
  | 'password_reset'
  // An admin changed the account's role or department: its tokens carried the old rights.
  | 'account_changed';

interface OpenSession {
  userId: string;
  lastSeenAt: number;
}

/**
 * The sessions behind bearer tokens (table `user_sessions`, owned here). A token is honoured only
 * while its session is open: not revoked, before its absolute end, and used within the idle limit.
 * Revocations drop this process's cache at once; another API instance follows within
 * SESSION_CACHE_MS.
 */
@Injectable()
export class SessionsService {
  /** `userId` is filled in once the lookup answers, so a revocation can drop entries synchronously. */
  private readonly cache = new Map<
    string,
    { value: Promise<OpenSession | null>; expiresAt: number; userId?: string | null }
  >();

  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectConfig() private readonly config: AppConfig,
  ) {}

  async open(userId: string, clientIp: string | null): Promise<SessionEntity> {
    const now = new Date();
    return this.sessions.save(
      this.sessions.create({
        userId,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.auth.tokenTtl * 1000),
        revokedAt: null,
        revokedReason: null,
        clientIp,
      }),
    );
  }

  /** The user id of an open session, or null (revoked, expired, idle too long, unknown). */
  async userOf(sessionId: string): Promise<string | null> {
    const now = Date.now();
    let hit = this.cache.get(sessionId);
    if (!hit || hit.expiresAt <= now) {
      const value = this.load(sessionId);
      const entry: { value: Promise<OpenSession | null>; expiresAt: number; userId?: string | null } = {
        value,
        expiresAt: now + SESSION_CACHE_MS,
      };
      void value.then((s) => (entry.userId = s?.userId ?? null)).catch(() => undefined);
      hit = entry;
      this.cache.set(sessionId, hit);
      value.catch(() => this.cache.delete(sessionId));
      if (this.cache.size > SESSION_CACHE_MAX) this.prune(now);
    }
    const session = await hit.value;
    if (!session) return null;
    if (now - session.lastSeenAt > this.config.auth.sessionIdleSeconds * 1000) return null;
    if (now - session.lastSeenAt > TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      // Fire and forget: a lost touch only shortens the idle window by a minute.
      void this.sessions.update({ id: sessionId }, { lastSeenAt: new Date(now) }).catch(() => undefined);
    }
    return session.userId;
  }

  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.update(
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date(), revokedReason: reason },
    );
    this.cache.delete(sessionId);
  }

  /** Ends every open session of a user (optionally but one: the caller's own after a password change). */
  async revokeAllOf(userId: string, reason: RevokeReason, keepSessionId?: string): Promise<number> {
    const query = this.sessions
      .createQueryBuilder()
      .update(SessionEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('user_id = :userId AND revoked_at IS NULL', { userId });
    if (keepSessionId) query.andWhere('id <> :keep', { keep: keepSessionId });
    const result = await query.execute();
    for (const [id, entry] of this.cache) {
      if (id === keepSessionId) continue;
      // A lookup still pending (userId undefined) may be of this user: drop it too, the next request re-reads.
      if (entry.userId === undefined || entry.userId === userId) this.cache.delete(id);
    }
    return result.affected ?? 0;
  }

  private async load(sessionId: string): Promise<OpenSession | null> {
    const row = await this.sessions
      .createQueryBuilder('s')
      .select(['s.userId', 's.lastSeenAt'])
      .where('s.id = :id AND s.revoked_at IS NULL AND s.expires_at > now()', { id: sessionId })
      .getOne();
    return row ? { userId: row.userId, lastSeenAt: row.lastSeenAt.getTime() } : null;
  }

  private prune(now: number): void {
    for (const [key, entry] of this.cache) if (entry.expiresAt <= now) this.cache.delete(key);
    if (this.cache.size > SESSION_CACHE_MAX) this.cache.clear();
  }
}
