/**
 * The application's notion of "now". Reminders are computed and scheduled against this clock, never
 * against `Date.now()` directly, so tests and the benchmark can move time:
 * - `offsetMs` shifts virtual time (e.g. to 08:59:58 Shanghai on a deadline's eve);
 * - `scale` makes virtual time run faster than real time from `anchorMs` (real epoch ms) on, so a
 *   virtual day can pass in seconds. Every process of one run (API, workers) must share the anchor.
 */
export interface ClockSettings {
  offsetMs: number;
  scale: number;
  anchorMs: number;
}

export class Clock {
  constructor(private readonly settings: ClockSettings) {
    if (!(settings.scale > 0)) throw new RangeError('clock scale must be positive');
  }

  /** Virtual epoch ms. */
  nowMs(): number {
    const real = Date.now();
    const { offsetMs, scale, anchorMs } = this.settings;
    return anchorMs + (real - anchorMs) * scale + offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** Real milliseconds to wait until the virtual instant `atMs` (0 when it has passed). */
  realDelayUntil(atMs: number): number {
    return Math.max(0, Math.ceil((atMs - this.nowMs()) / this.settings.scale));
  }
}
