import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { type Browser, chromium } from "playwright-core";

/**
 * Debian's chromium, headless, without a sandbox (CI runs as root) and without any network of its
 * own: every page it loads comes from a loopback server the test starts.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-default-apps",
      "--disable-extensions",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A loopback HTTP server (port 0) answering each path from a map of files and texts. */
export async function serveFiles(
  routes: Record<string, { file?: string; text?: string; type: string }>,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const route = routes[new URL(request.url ?? "/", "http://localhost").pathname];
    if (!route) {
      response.writeHead(404).end();
      return;
    }
    const body = route.file ? await readFile(route.file) : (route.text ?? "");
    response.writeHead(200, { "content-type": route.type }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
