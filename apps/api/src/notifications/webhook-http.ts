import { createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { WebhookTargetError, type WebhookTargetPolicy } from './webhook-target';

/** How much of a receiver's answer is read (then discarded): it is never stored or echoed. */
const MAX_RESPONSE_BYTES = 4096;

/**
 * `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`, the value of `X-Duban-Signature`. Signing the
 * timestamp (`X-Duban-Timestamp`, Unix seconds) with the body lets receivers refuse replays.
 */
export function signWebhookBody(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export interface WebhookRequest {
  url: string;
  secret: string;
  /** Receivers dedupe on this: a retry after a lost answer repeats it unchanged. */
  dedupeKey: string;
  body: string;
  timeoutMs: number;
}

/** Keep-alive agents (one per scheme); the policy's lookup refuses internal addresses at connect time. */
export class WebhookTransport {
  private readonly http: HttpAgent;
  private readonly https: HttpsAgent;

  constructor(private readonly policy: WebhookTargetPolicy) {
    this.http = new HttpAgent({ keepAlive: true, maxSockets: 16 });
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 16 });
  }

  /**
   * POSTs a signed JSON body. Redirects are not followed; any non-2xx answer, a refused target or a
   * network error throws (the delivery retries) with a message that names the status only.
   */
  async post(req: WebhookRequest): Promise<void> {
    const url = new URL(req.url);
    const literal = url.hostname.replace(/^\[|\]$/gu, '');
    if (isIP(literal)) {
      const refusal = this.policy.refusal(literal);
      if (refusal) throw new WebhookTargetError('forbidden_address', refusal);
    }
    const timestamp = Math.floor(Date.now() / 1000);
    const https = url.protocol === 'https:';
    const status = await new Promise<number>((resolve, reject) => {
      const request = (https ? httpsRequest : httpRequest)(
        url,
        {
          method: 'POST',
          agent: https ? this.https : this.http,
          lookup: this.policy.lookup,
          timeout: req.timeoutMs,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(req.body),
            'x-duban-timestamp': String(timestamp),
            'x-duban-signature': signWebhookBody(req.secret, timestamp, req.body),
            'x-duban-delivery': req.dedupeKey,
          },
        },
        (response: IncomingMessage) => {
          let read = 0;
          response.on('data', (chunk: Buffer) => {
            read += chunk.length;
            if (read > MAX_RESPONSE_BYTES) response.destroy();
          });
          response.on('close', () => resolve(response.statusCode ?? 0));
          response.on('error', () => resolve(response.statusCode ?? 0));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`webhook timed out after ${req.timeoutMs} ms`)));
      request.on('error', (error) =>
        reject(
          error instanceof WebhookTargetError ? error : new Error(`webhook request failed: ${error.message}`),
        ),
      );
      request.end(req.body);
    });
    if (status >= 300 && status < 400)
      throw new Error(`webhook answered HTTP ${status} (redirects are not followed)`);
    if (status < 200 || status >= 300) throw new Error(`webhook answered HTTP ${status}`);
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
