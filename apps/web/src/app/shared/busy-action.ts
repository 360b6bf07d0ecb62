import { signal } from '@angular/core';
import { errorMessage } from '../core/api-error';

/**
 * The busy flag and error message around one call to the API at a time, as forms and dialogs show them:
 * busy (buttons off) while it runs, the API's message (or `fallback`) when it fails.
 */
export class BusyAction {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  /** Runs `work`; true when it finished, false when it threw (the message is then in `error`). */
  async run(work: () => Promise<unknown>, fallback?: string): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
      return true;
    } catch (err) {
      this.error.set(errorMessage(err, fallback));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
