import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "./free-port.js";

/** A `redis-server` (Debian's package) on 127.0.0.1, without persistence. */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT`, for `REDIS_URL`. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Debian's `redis-server` on a free port of 127.0.0.1 with nothing written to disk, and
 * resolves once it accepts connections. Install it with `apt-get install -y redis-server`.
 */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort();
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (!output.includes("Ready to accept connections")) return;
      child.stdout?.off("data", onData);
      child.stderr?.off("data", onData);
      resolve();
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("error", (error) =>
      reject(
        new Error(
          `cannot start redis-server (${error.message}): install it with apt-get install -y redis-server`,
        ),
      ),
    );
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
  });
  child.stdout?.resume();
  child.stderr?.resume();
  return {
    url: `redis://127.0.0.1:${port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
