import type { WritableSignal } from '@angular/core';
import { errorMessage } from './api-error';

/**
 * Runs `work` with `busy` on while it runs; a failure lands in `error` as its zh-CN message (`fallback`
 * when the error has none; undefined: errorMessage's generic one). Resolves whether the work succeeded.
 */
export async function runBusy(
  busy: WritableSignal<boolean>,
  error: WritableSignal<string | null>,
  fallback: string | undefined,
  work: () => Promise<unknown>,
): Promise<boolean> {
  busy.set(true);
  error.set(null);
  try {
    await work();
    return true;
  } catch (err) {
    error.set(errorMessage(err, fallback));
    return false;
  } finally {
    busy.set(false);
  }
}
