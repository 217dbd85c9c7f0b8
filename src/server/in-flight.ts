/**
 * The work the process has started and not finished (webhook deliveries, a scheduled run): a
 * graceful shutdown waits for it, so that no write is cut off half-way.
 */
export class InFlight {
  readonly #running = new Map<number, { label: string; done: Promise<unknown> }>();
  #next = 0;

  /** Runs `work` and keeps it counted until it settles; resolves or rejects as `work` does. */
  track<T>(label: string, work: () => Promise<T>): Promise<T> {
    const key = this.#next++;
    const done = work();
    this.#running.set(key, { label, done });
    const forget = () => {
      this.#running.delete(key);
    };
    done.then(forget, forget);
    return done;
  }

  /** How many are running. */
  get size(): number {
    return this.#running.size;
  }

  /** The labels of what is running (for the shutdown log). */
  labels(): string[] {
    return [...this.#running.values()].map((entry) => entry.label);
  }

  /**
   * Resolves true once nothing is running (including work started while waiting), or false
   * after `timeoutMs`.
   */
  async drain(timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (this.#running.size > 0) {
      const left = deadline - Date.now();
      if (left <= 0) return false;
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, left);
      });
      await Promise.race([
        Promise.allSettled([...this.#running.values()].map((entry) => entry.done)),
        timedOut,
      ]);
      clearTimeout(timer);
    }
    return true;
  }
}
