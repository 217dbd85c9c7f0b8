import { readFileSync } from "node:fs";
import { parseEnv } from "node:util";

/**
 * Reads `.env` (the file Probot's setup flow writes) into `env`, as `probot run` does, except that
 * a variable already set in the environment wins (so a container's settings are never overridden
 * by a stray file). No file is fine. Returns the keys it set.
 */
export function loadEnvFile(
  path: string,
  env: Record<string, string | undefined> = process.env,
): string[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const set: string[] = [];
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (env[key] !== undefined && env[key] !== "") continue;
    env[key] = value;
    set.push(key);
  }
  return set;
}
