import { describe, expect, it } from "vitest";
import { mean, median, p90, summarize } from "../../src/analytics/stats.js";

describe("stats", () => {
  it("takes the middle value of an odd count and the mean of the two middle values of an even one", () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });

  it("takes p90 as the nearest rank, the ⌈0.9·n⌉-th smallest value", () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, index) => n - index); // n … 1
    expect(p90(upTo(10))).toBe(9); // ⌈9⌉ = 9th
    expect(p90(upTo(11))).toBe(10); // ⌈9.9⌉ = 10th
    expect(p90(upTo(20))).toBe(18);
    expect(p90(upTo(2))).toBe(2); // ⌈1.8⌉ = 2nd
    expect(p90([42])).toBe(42);
    expect(p90([])).toBeNull();
  });

  it("takes the mean, null for no values", () => {
    expect(mean([1, 2, 6])).toBe(3);
    expect(mean([])).toBeNull();
  });

  it("summarises to 0.1 minute, or null when there is nothing to summarise", () => {
    expect(summarize([1, 2, 2])).toEqual({ median: 2, p90: 2, mean: 1.7 });
    expect(summarize([0.25, 0.35])).toEqual({ median: 0.3, p90: 0.4, mean: 0.3 });
    expect(summarize([])).toBeNull();
  });
});
