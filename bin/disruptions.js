#!/usr/bin/env node
// The command line, compiled to dist/ by `npm ci` (the `prepare` script).
import { runCli } from "../dist/cli/main.js";

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
});
process.exitCode = code;
