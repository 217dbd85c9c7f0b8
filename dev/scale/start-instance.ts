import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** One replica of the app, a process of its own. */
export interface Instance {
  name: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

/** The entry `npm start` runs (compiled there; from source here, so no build can be stale). */
const entry = fileURLToPath(new URL("../../src/server/main.ts", import.meta.url));
const tsx = import.meta.resolve("tsx");
/** An empty working directory: a developer's `.env` must not reach the replicas. */
const cwd = mkdtempSync(join(tmpdir(), "disruption-scale-"));

/**
 * Starts a replica (the app's server entry, `src/server/main.ts`, configured by its documented
 * environment keys) on 127.0.0.1:`port`; resolved once its health check answers 200 (GitHub and
 * Redis reachable), as a load balancer would see it.
 */
export async function startInstance(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", tsx, entry], {
    cwd,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (errors.length < 20_000) errors += chunk.toString();
  });
  let exitedEarly: Error | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitedEarly = new Error(`replica ${name} exited (${code ?? signal}): ${errors}`);
      resolve();
    }),
  );
  for (const until = Date.now() + 60_000; Date.now() < until; ) {
    if (exitedEarly) throw exitedEarly;
    const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (response) => response.ok,
      () => false,
    );
    if (healthy) return { name, port, process: child, exited };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error(`replica ${name} was not healthy within 60 s: ${errors}`);
}
