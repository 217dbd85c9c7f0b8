import { readFile } from "node:fs/promises";
import { UsageError } from "./cli-error.js";

/** Reads FILE, or standard input when no file is given (or `-`). */
export async function readInput(
  file: string | undefined,
  stdin: NodeJS.ReadableStream,
): Promise<string> {
  if (file === undefined || file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin)
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      throw new UsageError(
        `cannot read ${file}: ${code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : "permission denied"}`,
      );
    }
    throw error;
  }
}
