/**
 * What a load balancer does in front of several API instances, reduced to what the rolling-restart test
 * needs: round-robin over the live instances; a request an instance refused without processing it (no
 * connection: ECONNREFUSED, or the draining API's 503 SERVER_DRAINING) goes to the next one. Everything else — any
 * other status, a connection reset or hang-up — counts as a lost request.
 */
import { request as httpRequest } from 'node:http';

export interface RequestRecord {
  instance: string;
  startedAt: number;
  endedAt: number;
  status: number;
  /** Instances that refused it first (re-routed, as a load balancer would). */
  reroutes: number;
}

export interface Instance {
  name: string;
  baseUrl: string;
  /** False once it answered SERVER_DRAINING, until it is back: the balancer leaves it out. */
  up: boolean;
}

interface Attempt {
  status: number | null;
  refused: boolean;
}

function attempt(baseUrl: string, path: string, token: string): Promise<Attempt> {
  return new Promise((resolve) => {
    const url = new URL(path, baseUrl);
    const req = httpRequest(
      url,
      { method: 'GET', headers: { authorization: `Bearer ${token}`, connection: 'close' }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const draining = res.statusCode === 503 && /SERVER_DRAINING/.test(Buffer.concat(chunks).toString());
          resolve({ status: res.statusCode ?? 0, refused: draining });
        });
        res.on('error', () => resolve({ status: null, refused: false }));
      },
    );
    // Refused only when no connection was made: a reset on an accepted connection may have dropped a
    // request the instance had started (what a drain must prevent), so it counts as lost.
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ status: null, refused: error.code === 'ECONNREFUSED' }),
    );
    req.setTimeout(15_000, () => req.destroy(new Error('timeout')));
    req.end();
  });
}

export class RollingClient {
  readonly records: RequestRecord[] = [];
  readonly lost: { instance: string; status: number | null; at: number }[] = [];
  private next = 0;
  private running = false;
  private loops: Promise<void>[] = [];

  constructor(
    readonly instances: Instance[],
    private readonly path: string,
    private readonly token: string,
  ) {}

  start(concurrency: number): void {
    this.running = true;
    this.loops = Array.from({ length: concurrency }, () => this.loop());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.loops);
  }

  private pick(): Instance | null {
    const live = this.instances.filter((i) => i.up);
    if (live.length === 0) return null;
    return live[this.next++ % live.length] ?? null;
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const startedAt = Date.now();
      let reroutes = 0;
      for (;;) {
        const target = this.pick();
        if (!target) {
          await new Promise((r) => setTimeout(r, 20));
          continue;
        }
        const result = await attempt(target.baseUrl, this.path, this.token);
        if (result.refused && reroutes < 5) {
          // Passive health checking, as balancers do: a draining instance leaves the rotation.
          if (result.status === 503) target.up = false;
          reroutes++;
          continue;
        }
        const record = {
          instance: target.name,
          startedAt,
          endedAt: Date.now(),
          status: result.status ?? 0,
          reroutes,
        };
        this.records.push(record);
        if (result.status !== 200)
          this.lost.push({ instance: target.name, status: result.status, at: record.endedAt });
        break;
      }
    }
  }
}
