/**
 * What the app's replicas share: which webhook deliveries are handled or being handled, and locks
 * for the work only one replica may do at a time (the hourly schedule, the catch-up). Redis when
 * `REDIS_URL` is set, the process's memory otherwise (README, "Running several replicas").
 */
export interface SharedState {
  /** `redis` or `memory`: where the state lives. */
  readonly kind: "redis" | "memory";
  /**
   * Claims a delivery id (`X-GitHub-Delivery`) for handling, for `ttlSeconds`: true when this
   * caller may handle it, false when it is handled already or another replica is handling it.
   * Claim before any write; a claim whose holder dies expires, so a redelivery can run.
   */
  claimDelivery(id: string, ttlSeconds: number): Promise<boolean>;
  /** Extends this caller's claim while the handling runs (false when the claim was lost). */
  extendDelivery(id: string, ttlSeconds: number): Promise<boolean>;
  /** Marks a claimed delivery handled for `ttlSeconds`: redeliveries of it then do nothing. */
  completeDelivery(id: string, ttlSeconds: number): Promise<void>;
  /** Gives a claim up (its handling failed), so that a redelivery or a retry can run. */
  releaseDelivery(id: string): Promise<void>;
  /** True when the delivery was handled (not merely claimed). */
  isDeliveryHandled(id: string): Promise<boolean>;
  /**
   * Runs `fn` while holding the lock `name` (held at most `ttlSeconds` past this process's death,
   * renewed while `fn` runs); resolves to `{ ran: false }` without running it when another holder
   * has the lock.
   */
  withLock<T>(
    name: string,
    ttlSeconds: number,
    fn: () => Promise<T>,
  ): Promise<{ ran: true; value: T } | { ran: false }>;
  /**
   * Keeps a delivery answered `202 still processing` (its event and payload, as JSON) for
   * `ttlSeconds`, until its handling ends (`dropAnswered`): GitHub took the 202 as a success, so if
   * this replica dies first, the catch-up finds it here and nowhere else.
   */
  keepAnswered(id: string, delivery: string, ttlSeconds: number): Promise<void>;
  /** The deliveries kept before `time` (milliseconds since the epoch), oldest first, at most `limit`. */
  answeredBefore(time: number, limit: number): Promise<Array<{ id: string; delivery: string }>>;
  dropAnswered(id: string): Promise<void>;
  /** A small shared value (the catch-up's last check), or null. */
  getValue(key: string): Promise<string | null>;
  setValue(key: string, value: string): Promise<void>;
  /** Resolves when the state answers (Redis `PING`); rejects with the reason otherwise. */
  ping(): Promise<void>;
  /** Closes the connection (nothing to do in memory). */
  close(): Promise<void>;
}
