/**
 * Runs `work` one at a time: a tick requested while one is running runs once more after it, so a
 * caller awaiting tick() always sees everything due at the moment it asked. The real-time timer only
 * triggers ticks; what is due is decided by the injected clock inside `work`.
 */
export class TickRunner {
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private immediate: NodeJS.Immediate | null = null;
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly work: () => Promise<void>,
    intervalMs: number,
  ) {
    this.timer = setInterval(() => this.background(), intervalMs);
    this.timer.unref();
  }

  tick(): Promise<void> {
    if (!this.running) {
      this.running = this.work().finally(() => {
        this.running = null;
      });
      return this.running;
    }
    this.queued ??= this.running.then(
      () => this.afterQueued(),
      () => this.afterQueued(),
    );
    return this.queued;
  }

  /** Deliver promptly after a change without making the caller wait for the HTTP round trips. */
  soon(): void {
    if (this.closed) return;
    this.immediate ??= setImmediate(() => {
      this.immediate = null;
      this.background();
    });
  }

  close(): void {
    this.closed = true;
    clearInterval(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
    this.immediate = null;
  }

  private afterQueued(): Promise<void> {
    this.queued = null;
    return this.tick();
  }

  private background(): void {
    this.tick().catch((error: unknown) => {
      console.error('devtenant subscriptions: notification tick failed', error);
    });
  }
}
