/**
 * The parsed config of each repository the app has read, with the `ETag` GitHub sent, so that the
 * next read is a conditional request: `304 Not Modified` costs no rate limit and no parsing
 * (https://docs.github.com/rest/using-the-rest-api/best-practices-for-using-the-rest-api#use-conditional-requests-if-appropriate).
 * Within the `max-age` of GitHub's `Cache-Control` (`private, max-age=60`) the file is not asked
 * for at all, as HTTP caching allows; a 304 starts a new `max-age`. A repository without the file
 * is remembered as such for a minute (GitHub sends no `ETag` with a 404). Either way a changed or
 * added file is read within a minute (README, "What it costs").
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

  /** What is known of `owner/name`'s config file, or undefined. `fresh`: usable without asking. */
  get(repository: string): ConfigCacheEntry<T> | undefined {
    const key = repository.toLowerCase();
    const entry = this.#entries.get(key);
    if (entry?.kind === "missing" && entry.until <= this.#now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry;
  }

  /**
   * The file as read (or found unchanged), with GitHub's `ETag` (none: it is read in full next
   * time) and the `Cache-Control` header the answer carried.
   */
  setFile(repository: string, etag: string | undefined, value: T, cacheControl?: string): void {
    if (!etag) {
      this.#entries.delete(repository.toLowerCase());
      return;
    }
    const freshUntil = this.#now() + maxAgeSeconds(cacheControl) * 1000;
    this.#set(repository, { kind: "file", etag, value, freshUntil });
  }

  /** True when the entry may be used without asking GitHub. */
  fresh(entry: ConfigCacheEntry<T>): boolean {
    return entry.kind === "missing" || entry.freshUntil > this.#now();
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

/** `max-age` of a `Cache-Control` header in seconds; 0 when absent or `no-cache`/`no-store`. */
function maxAgeSeconds(cacheControl: string | undefined): number {
  if (!cacheControl || /\bno-(cache|store)\b/i.test(cacheControl)) return 0;
  const match = /(?:^|[,\s])max-age=(\d+)/i.exec(cacheControl);
  // At most ten minutes, whatever a proxy on the way says.
  return match ? Math.min(Number(match[1]), 600) : 0;
}

type ConfigCacheEntry<T> =
  | { kind: "file"; etag: string; value: T; freshUntil: number }
  | { kind: "missing"; until: number };
