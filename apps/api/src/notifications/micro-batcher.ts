/**
 * Coalesces concurrent single-item calls into one batched call. Each worker runs many jobs at once; without
 * this, every job pays its own PostgreSQL round trip and commit (one WAL flush each), which made the
 * database, not SMTP, the limit of the reminder fan-out and the delivery path (see reminders/README).
 *
 * Adaptive, no fixed linger: a call waits for the current tick to end (so calls made together go
 * together); while `maxInFlight` batches run, further calls accumulate and go as the next batch. Under
 * light load a call is alone and waits no longer than a `setImmediate`; under load batches grow to
 * `maxSize`.
 *
 * `run` answers every item of the batch in order. When it throws, a batch of several items is re-run
 * item by item, so one bad item (e.g. a row a constraint rejects) fails only its own job; the
 * single item's error goes to its caller (a database outage thus still fails each job, as before).
 */
export class MicroBatcher<I, O> {
  private pending: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<O[]>,
    private readonly options: { maxSize: number; maxInFlight: number },
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.drain();
    });
  }

  private drain(): void {
    while (this.pending.length > 0 && this.inFlight < this.options.maxInFlight) {
      const batch = this.pending.splice(0, this.options.maxSize);
      this.inFlight += 1;
      void this.execute(batch).finally(() => {
        this.inFlight -= 1;
        if (this.pending.length > 0) this.schedule();
      });
    }
  }

  private async execute(batch: typeof this.pending): Promise<void> {
    try {
      const results = await this.run(batch.map((b) => b.item));
      batch.forEach((b, i) => b.resolve(results[i]));
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // In parallel: during an outage every item fails about as fast as the batch did.
      await Promise.all(
        batch.map(async (b) => {
          try {
            const [result] = await this.run([b.item]);
            b.resolve(result);
          } catch (single) {
            b.reject(single);
          }
        }),
      );
    }
  }
}
