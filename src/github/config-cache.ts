/**
 * The parsed config of each repository the app has read, with the `ETag` GitHub sent, so that the
 * next read is a conditional request: `304 Not Modified` costs no rate limit and no parsing
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * A repository without the file is remembered as such for a minute (GitHub sends no `ETag` with a
 * 404), so a file added later is read within a minute.
 */
export class ConfigCache<T> {
  readonly #entries = new Map<string, ConfigCacheEntry<T>>();
  readonly #capacity: number;
  readonly #missingTtlMs: number;
  readonly #now: () => number;

  constructor(options: { capacity?: number; missingTtlMs?: number; now?: () => number } = {}) {
    this.#capacity = options.capacity ?? 10_000;
    this.#missingTtlMs = options.missingTtlMs ?? 60_000;
    this.#now = options.now ?? Date.now;
  }

  /** What is known of `owner/name`'s config file, or undefined. */
  get(repository: string): ConfigCacheEntry<T> | undefined {
    const key = repository.toLowerCase();
    const entry = this.#entries.get(key);
    if (entry?.kind === "missing" && entry.until <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /** The file as read, with GitHub's `ETag` (none: it is read in full next time). */
  setFile(repository: string, etag: string | undefined, value: T): void {
    if (etag) this.#set(repository, { kind: "file", etag, value });
    else this.#entries.delete(repository.toLowerCase());
  }

  /** The repository has no config file (404). */
  setMissing(repository: string): void {
    this.#set(repository, { kind: "missing", until: this.#now() + this.#missingTtlMs });
  }

  #set(repository: string, entry: ConfigCacheEntry<T>): void {
    const key = repository.toLowerCase();
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    if (this.#entries.size > this.#capacity) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }
}

export type ConfigCacheEntry<T> =
  | { kind: "file"; etag: string; value: T }
  | { kind: "missing"; until: number };
