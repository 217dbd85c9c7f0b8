import { setImmediate as nextTurn } from "node:timers/promises";

/**
 * The pages of an async iterable, each handed on once the next one has been asked for: while the
 * caller reads a page (parsing 100 reports takes about as long as GitHub takes to answer for the
 * next 100), that request is already on its way. One page is read ahead, never more.
 *
 * @example for await (const issues of readAhead(reportIssuePages(octokit, options))) read(issues);
 */
export async function* readAhead<T>(pages: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = pages[Symbol.asyncIterator]();
  let next = iterator.next();
  let finished = false;
  try {
    for (;;) {
      const current = await next;
      if (current.done) {
        finished = true;
        return;
      }
      next = iterator.next();
      // A failure of the page ahead is thrown when the caller comes for it, not reported as
      // unhandled while the caller is still busy with this one.
      next.catch(() => {});
      // The request leaves on a later turn of the event loop than this one: let it go before the
      // caller's work on this page holds the thread.
      await nextTurn();
      yield current.value;
    }
  } finally {
    // A caller that stops early (or fails) ends the pages too, once the page ahead is in.
    if (!finished) await iterator.return?.().catch(() => {});
  }
}
