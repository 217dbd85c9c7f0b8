/**
 * The delivery ids (`X-GitHub-Delivery`) this instance has handled lately. GitHub keeps the id
 * when it redelivers an event, so a redelivery can be recognised and do nothing twice. An id is
 * recorded only once its handling succeeded, so a delivery that failed can be retried.
 */
export class RecentDeliveries {
  readonly #seen = new Set<string>();
  constructor(private readonly capacity = 5_000) {}

  has(id: string): boolean {
    return this.#seen.has(id);
  }

  add(id: string): void {
    this.#seen.add(id);
    if (this.#seen.size > this.capacity) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
  }
}
