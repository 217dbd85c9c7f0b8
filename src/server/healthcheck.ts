/**
 * The container's HEALTHCHECK (`node dist/server/healthcheck.js`): exit 0 when `GET /healthz` on
 * this machine answers 200, 1 otherwise, with the answer on standard output. The slim Node image
 * has no curl.
 */
const port = process.env.PORT || "3000";
try {
  const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
    signal: AbortSignal.timeout(8_000),
  });
  process.stdout.write(await response.text());
  process.exitCode = response.status === 200 ? 0 : 1;
} catch (error) {
  process.stdout.write(`health check failed: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
