import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  raw: string;
  messageId: string | null;
  deliveryKey: string | null;
  to: string[];
  /** Decoded (MIME encoded-words resolved). */
  subject: string;
  /** Decoded text body (quoted-printable or base64 resolved). */
  text: string;
  receivedAt: number;
}

/** Resolves RFC 2047 encoded-words (UTF-8, B or Q) in a header value. */
export function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_m, _charset: string, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

function header(head: string, name: string): string | null {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const match = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded);
  return match ? match[1].trim() : null;
}

function decodeBody(head: string, body: string): string {
  const encoding = (header(head, 'Content-Transfer-Encoding') ?? '').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_x, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return body;
}

export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split >= 0 ? raw.slice(0, split) : raw;
  const body = split >= 0 ? raw.slice(split).replace(/^\r?\n\r?\n/, '') : '';
  return {
    raw,
    messageId: header(head, 'Message-ID'),
    deliveryKey: header(head, 'X-Duban-Delivery'),
    to,
    subject: decodeWords(header(head, 'Subject') ?? ''),
    text: decodeBody(head, body),
    receivedAt: Date.now(),
  };
}

/**
 * A real SMTP server (smtp-server) on a loopback port, recording every message it accepts.
 * `stop()` then `start()` keeps the port, so "SMTP down, then back" can be played.
 */
export class TestSmtpServer {
  readonly messages: ReceivedMail[] = [];
  /** Server errors other than a client's connection reset (tests may assert there are none). */
  readonly errors: Error[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  /** `delayMs` holds each message before accepting it (to catch a worker mid-sending). */
  constructor(private readonly delayMs = 0) {}

  async start(port = this.port): Promise<this> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.messages.push(
            parseMail(
              Buffer.concat(chunks).toString('utf8'),
              session.envelope.rcptTo.map((r) => r.address),
            ),
          );
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    // A client that vanishes (a SIGKILLed worker's pooled connection) resets its socket; smtp-server
    // reports that as an 'error' event, which must not become an uncaught exception of the test run.
    server.on('error', (error: Error & { code?: string }) => {
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') this.errors.push(error);
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Distinct deliveries by Message-ID (a re-sent copy after a crash has the same one). */
  distinctMessageIds(): Set<string> {
    return new Set(this.messages.map((m) => m.messageId ?? m.raw));
  }
}
