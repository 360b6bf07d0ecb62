import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ExtractionError, type ExtractedFile } from '@duban/domain';
import type { ExtractionMessage, ExtractionRequest } from './extraction-protocol';

export interface ExtractionProgress {
  documentsDone: number;
  documentsTotal: number;
  measuresFound: number;
}

interface WorkerEntry {
  /** A file to run, or (eval) code that loads the TypeScript source. */
  code: string;
  eval: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * The bundle ships the thread as its own file (dist/apps/api/import-extraction.worker.js). Tests that run
 * the API from its sources start the TypeScript entry through tsx (a dev dependency) instead.
 */
function workerEntry(): WorkerEntry {
  const bundled = join(__dirname, 'import-extraction.worker.js');
  if (existsSync(bundled)) return { code: bundled, eval: false };
  const source = join(__dirname, 'extraction.worker.ts');
  const root = resolve(__dirname, '../../../../..');
  const load = `import('tsx/esm/api').then((api) => api.tsImport(${JSON.stringify(source)}, ${JSON.stringify(`file://${root}/`)}))`;
  return {
    code: load,
    eval: true,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(root, 'tsconfig.base.json') },
  };
}

/**
 * Runs extractions in worker threads, at most `threads` at a time (the rest wait in order), so a
 * multi-megabyte import never holds the API's event loop. Threads are started on first use and kept
 * (unref'd, so they never hold the process open); a thread that crashes is dropped and replaced.
 */
export class ExtractionPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private busy = 0;
  private readonly waiting: (() => void)[] = [];
  private closed = false;

  constructor(private readonly threads: number) {}

  async extract(
    request: ExtractionRequest,
    onProgress: (progress: ExtractionProgress) => void,
  ): Promise<ExtractedFile> {
    if (this.closed) throw new Error('extraction pool closed');
    while (this.busy >= this.threads) await new Promise<void>((r) => this.waiting.push(r));
    this.busy++;
    const worker = this.idle.pop() ?? this.spawn();
    let healthy = false;
    try {
      const result = await this.run(worker, request, onProgress);
      healthy = true;
      return result;
    } catch (error) {
      // A refusal (not a text file …) leaves the thread fine; anything else, replace it.
      healthy = error instanceof ExtractionError;
      throw error;
    } finally {
      if (healthy && !this.closed) this.idle.push(worker);
      else void this.drop(worker);
      this.busy--;
      this.waiting.shift()?.();
    }
  }

  /** Stops every thread (shutdown); running extract() calls reject. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => this.drop(w)));
  }

  private spawn(): Worker {
    const entry = workerEntry();
    const worker = new Worker(entry.code, { eval: entry.eval, ...(entry.env ? { env: entry.env } : {}) });
    worker.unref();
    this.all.add(worker);
    worker.on('exit', () => {
      this.all.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
    });
    // An idle thread's error surfaces on its next run through 'exit'; keep it from being unhandled.
    worker.on('error', () => undefined);
    return worker;
  }

  private async drop(worker: Worker): Promise<void> {
    this.all.delete(worker);
    await worker.terminate().catch(() => undefined);
  }

  private run(
    worker: Worker,
    request: ExtractionRequest,
    onProgress: (progress: ExtractionProgress) => void,
  ): Promise<ExtractedFile> {
    return new Promise<ExtractedFile>((resolveRun, reject) => {
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        worker.unref();
      };
      const onMessage = (message: ExtractionMessage): void => {
        switch (message.type) {
          case 'progress':
            onProgress({
              documentsDone: message.documentsDone,
              documentsTotal: message.documentsTotal,
              measuresFound: message.measuresFound,
            });
            return;
          case 'done':
            cleanup();
            resolveRun(message.extraction);
            return;
          case 'refused':
            cleanup();
            reject(new ExtractionError(message.code, message.message, request.fileName));
            return;
          case 'crashed':
            cleanup();
            reject(new Error(`extraction thread failed: ${message.message}`));
        }
      };
      const onError = (error: Error): void => {
        cleanup();
        reject(error);
      };
      const onExit = (code: number): void => {
        cleanup();
        reject(new Error(`extraction thread exited (${code}) before finishing`));
      };
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      // While it works for us, the thread keeps the process alive (a drain waits for it).
      worker.ref();
      worker.postMessage(request);
    });
  }
}
