/**
 * Runs `job` in the background whenever kicked, never twice at once: a kick during a run makes
 * it run once more afterwards, and it runs again at once while `job` says there is more to do.
 */
export class Pump {
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;

  constructor(
    private readonly job: () => Promise<boolean>,
    private readonly onError: (error: unknown) => void,
  ) {}

  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = undefined;
    });
  }

  /** No new runs; resolves once the current one is over. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        while (!this.stopped && (await this.job())) this.again = false;
      } catch (error) {
        this.onError(error);
      }
    } while (this.again && !this.stopped);
  }
}
