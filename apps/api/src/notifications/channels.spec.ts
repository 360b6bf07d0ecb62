import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { messageIdFor } from './email.channel';
import { signWebhookBody } from './webhook.channel';

describe('delivery channels', () => {
  it('signs the timestamp and the exact body bytes with HMAC-SHA256', () => {
    const body = JSON.stringify({ event: 'reminder', title: '【催办】已逾期1天' });
    expect(signWebhookBody('secret', 1_790_000_000, body)).toBe(
      `sha256=${createHmac('sha256', 'secret').update(`1790000000.${body}`).digest('hex')}`,
    );
    expect(signWebhookBody('secret', 1_790_000_000, `${body} `)).not.toBe(
      signWebhookBody('secret', 1_790_000_000, body),
    );
    // A replay with another timestamp needs another signature.
    expect(signWebhookBody('secret', 1_790_000_001, body)).not.toBe(
      signWebhookBody('secret', 1_790_000_000, body),
    );
  });

  it('derives a stable Message-ID per delivery, so a re-sent e-mail can be recognised', () => {
    const key = 't1:dept-a:deadline_today:2026-03-20:email:u1';
    expect(messageIdFor(key)).toBe(messageIdFor(key));
    expect(messageIdFor(key)).toMatch(/^<[0-9a-f]{40}@duban\.reminders>$/);
    expect(messageIdFor(`${key}x`)).not.toBe(messageIdFor(key));
  });
});
