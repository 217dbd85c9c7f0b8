import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** One replica of the app, a process of its own. */
export interface Instance {
  name: string;
  port: number;
  process: ChildProcess;
  /** Resolves when the process has exited. */
  exited: Promise<void>;
}

const script = fileURLToPath(new URL("./app-instance.ts", import.meta.url));

/** Starts a replica (`app-instance.ts` under tsx) on `port`, resolved once it listens. */
export async function startInstance(
  name: string,
  port: number,
  env: Record<string, string>,
): Promise<Instance> {
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let errors = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    if (errors.length < 20_000) errors += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("listening")) resolve();
    });
    child.once("exit", (code, signal) =>
      reject(new Error(`replica ${name} exited (${code ?? signal}): ${errors}`)),
    );
  });
  return { name, port, process: child, exited };
}
