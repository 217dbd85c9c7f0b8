import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./free-port.js";

/** A running HAProxy (Debian's package) in front of the app's replicas. */
export interface LoadBalancer {
  /** `http://127.0.0.1:PORT`. */
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts Debian's `haproxy` on a free port of 127.0.0.1, round-robin over `backends`
 * (`name → port`), with health checks every 250 ms. A request that cannot connect is sent to
 * the other replica (`option redispatch`); one cut off mid-way is answered 502, as in production.
 * Each answer says which replica gave it (`X-Served-By`). Install it with
 * `apt-get install -y haproxy`.
 */
export async function startHaproxy(backends: Record<string, number>): Promise<LoadBalancer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "disruption-reports-haproxy-"));
  const config = join(dir, "haproxy.cfg");
  writeFileSync(
    config,
    [
      "global",
      "  maxconn 2000",
      "defaults",
      "  mode http",
      "  timeout connect 1s",
      "  timeout client 30s",
      "  timeout server 30s",
      "  retries 3",
      "  option redispatch",
      "frontend webhooks",
      `  bind 127.0.0.1:${port}`,
      "  default_backend replicas",
      "backend replicas",
      "  balance roundrobin",
      "  http-response set-header X-Served-By %s",
      ...Object.entries(backends).map(
        ([name, backendPort]) =>
          `  server ${name} 127.0.0.1:${backendPort} check inter 250 fall 1 rise 1`,
      ),
      "",
    ].join("\n"),
  );
  const child = spawn("haproxy", ["-f", config, "-db"], { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (errors.length < 10_000) errors += chunk.toString();
  });
  await new Promise<void>((resolve, reject) => {
    child.once("error", (error) =>
      reject(
        new Error(
          `cannot start haproxy (${error.message}): install it with apt-get install -y haproxy`,
        ),
      ),
    );
    child.once("exit", (code) => reject(new Error(`haproxy exited (${code}): ${errors}`)));
    const started = Date.now();
    const probe = () => {
      fetch(`http://127.0.0.1:${port}/`)
        .then(() => resolve())
        .catch(() => {
          if (Date.now() - started > 10_000) reject(new Error(`haproxy did not start: ${errors}`));
          else setTimeout(probe, 100);
        });
    };
    probe();
  });
  return {
    url: `http://127.0.0.1:${port}`,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
