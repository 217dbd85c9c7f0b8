import { describe, expect, it } from "vitest";
import { readAhead } from "../../src/github/read-ahead.js";

/** Pages 1..count, each "fetched" on a later turn of the event loop, with what happened logged. */
async function* pages(log: string[], count: number, failAt?: number): AsyncGenerator<number> {
  for (let page = 1; page <= count; page += 1) {
    log.push(`request ${page}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (page === failAt) throw new Error(`page ${page} failed`);
    log.push(`answer ${page}`);
    yield page;
  }
}

describe("readAhead", () => {
  it("asks for the next page before the caller reads this one, and hands every page on in order", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    for await (const page of readAhead(pages(log, 3))) {
      log.push(`read ${page}`);
      seen.push(page);
    }
    expect(seen).toEqual([1, 2, 3]);
    expect(log).toEqual([
      "request 1",
      "answer 1",
      "request 2",
      "read 1",
      "answer 2",
      "request 3",
      "read 2",
      "answer 3",
      "read 3",
    ]);
  });

  it("without it, the next page is asked for only after the caller has read this one", async () => {
    const log: string[] = [];
    for await (const page of pages(log, 2)) log.push(`read ${page}`);
    expect(log).toEqual(["request 1", "answer 1", "read 1", "request 2", "answer 2", "read 2"]);
  });

  it("throws a failure of the page ahead when the caller comes for it, after the pages before", async () => {
    const log: string[] = [];
    const seen: number[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on("unhandledRejection", onUnhandled);
    try {
      await expect(
        (async () => {
          for await (const page of readAhead(pages(log, 3, 2))) {
            // The caller is still busy with page 1 when page 2's request fails.
            await new Promise((resolve) => setTimeout(resolve, 10));
            seen.push(page);
          }
        })(),
      ).rejects.toThrow("page 2 failed");
      await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      process.off("unhandledRejection", onUnhandled);
    }
    expect(seen).toEqual([1]);
    expect(unhandled).toEqual([]);
  });

  it("ends the pages when the caller stops early, so the source can clean up", async () => {
    const log: string[] = [];
    async function* source(): AsyncGenerator<number> {
      try {
        yield* pages(log, 5);
      } finally {
        log.push("closed");
      }
    }
    for await (const page of readAhead(source())) {
      log.push(`read ${page}`);
      if (page === 1) break;
    }
    // Page 2 was already asked for (read ahead); nothing after it, and the source was closed.
    expect(log).toEqual(["request 1", "answer 1", "request 2", "read 1", "answer 2", "closed"]);
  });
});
