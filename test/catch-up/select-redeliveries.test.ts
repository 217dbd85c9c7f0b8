import { describe, expect, it } from "vitest";
import { catchUpIntervalMinutes } from "../../src/catch-up/catch-up-interval.js";
import {
  type DeliveryAttempt,
  isRetryable,
  selectRedeliveries,
} from "../../src/catch-up/select-redeliveries.js";

const attempt = (
  id: number,
  guid: string,
  at: string,
  status_code: number,
  status = status_code >= 200 && status_code < 300 ? "OK" : `Invalid HTTP Response: ${status_code}`,
): DeliveryAttempt => ({
  id,
  guid,
  delivered_at: `2026-12-02T${at}Z`,
  status,
  status_code,
  redelivery: false,
});

describe("selectRedeliveries", () => {
  it("picks each event that failed since the check and has not succeeded, by its newest attempt", () => {
    const attempts = [
      attempt(9, "b", "03:09:00", 502),
      attempt(8, "c", "03:08:00", 200),
      attempt(7, "a", "03:07:00", 0, "timed out"),
      attempt(6, "c", "03:06:00", 500),
      attempt(5, "a", "03:05:00", 500),
      attempt(2, "old", "02:00:00", 500),
    ];
    expect(selectRedeliveries(attempts, "2026-12-02T03:00:00Z", 10).map((a) => a.id)).toEqual([
      9, 7,
    ]);
    expect(selectRedeliveries(attempts, "2026-12-02T03:00:00Z", 1).map((a) => a.id)).toEqual([9]);
  });

  it("does not ask again for what would be refused again (a bad signature's 400)", () => {
    expect(isRetryable({ status: "Invalid HTTP Response: 400", status_code: 400 })).toBe(false);
    expect(isRetryable({ status: "Invalid HTTP Response: 429", status_code: 429 })).toBe(true);
    expect(isRetryable({ status: "failed to connect", status_code: 0 })).toBe(true);
    expect(isRetryable({ status: "OK", status_code: 200 })).toBe(false);
  });
});

describe("CATCH_UP_INTERVAL_MINUTES", () => {
  it("defaults to 15, takes fractions and 0, and refuses anything else with a message", () => {
    expect(catchUpIntervalMinutes(undefined)).toBe(15);
    expect(catchUpIntervalMinutes(" ")).toBe(15);
    expect(catchUpIntervalMinutes("0.5")).toBe(0.5);
    expect(catchUpIntervalMinutes("0")).toBe(0);
    expect(() => catchUpIntervalMinutes("soon")).toThrow(
      'CATCH_UP_INTERVAL_MINUTES must be a number of minutes (0 turns the catch-up off), not "soon"',
    );
  });
});
