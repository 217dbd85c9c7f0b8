#!/usr/bin/env node
// The command line, compiled to dist/ by `npm ci` (the `prepare` script).
import { runCli } from "../dist/cli/main.js";

// A closed pipe (`disruptions parse big.md | head -1`) ends the command quietly, as `cat` does.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
}

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  stdinIsTTY: process.stdin.isTTY === true,
});
process.exitCode = code;
