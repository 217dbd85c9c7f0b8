// nock 15 (through @mswjs/interceptors) calls Promise.withResolvers, which Node 20 lacks (Node 22
// has it). The app itself does not use it; this only lets the test suite run on Node 20.
const promise = Promise as unknown as { withResolvers?: () => unknown };
if (typeof promise.withResolvers !== "function") {
  promise.withResolvers = function withResolvers<T>() {
    let resolve!: (value: T | PromiseLike<T>) => void;
    let reject!: (reason?: unknown) => void;
    const created = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise: created, resolve, reject };
  };
}
