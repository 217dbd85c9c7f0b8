import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readServerSettings } from "../../src/server/server-settings.js";

describe("the server's settings from the environment", () => {
  it("has defaults for every key", () => {
    expect(readServerSettings({})).toEqual({
      port: 3000,
      host: "127.0.0.1",
      webhookPath: "/api/github/webhooks",
      webhookProxyUrl: undefined,
      shutdownTimeoutMs: 25_000,
      botLogin: undefined,
      githubApiUrl: undefined,
      throttle: true,
      schedule: true,
    });
  });

  it("reads the API's base URL, the throttling and the hourly schedule", () => {
    const settings = readServerSettings({
      GITHUB_API_URL: "http://127.0.0.1:4000",
      GITHUB_THROTTLE: "off",
      HOURLY_SCHEDULE: "OFF",
    });
    expect(settings).toMatchObject({
      githubApiUrl: "http://127.0.0.1:4000",
      throttle: false,
      schedule: false,
    });
    expect(readServerSettings({ GITHUB_THROTTLE: "on", HOURLY_SCHEDULE: "" })).toMatchObject({
      throttle: true,
      schedule: true,
    });
  });

  it("refuses a value it cannot read, naming the key and what to write", () => {
    expect(() => readServerSettings({ GITHUB_THROTTLE: "false" })).toThrow(
      "GITHUB_THROTTLE=false must be on or off",
    );
    expect(() => readServerSettings({ PORT: "http" })).toThrow(
      "PORT=http is not a whole number from 0 to 65535",
    );
  });

  it(".env.example lists every key the server entry reads", () => {
    const example = readFileSync(new URL("../../.env.example", import.meta.url), "utf8");
    const listed = new Set([...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]));
    const sources = ["main.ts", "server-settings.ts"].map((file) =>
      readFileSync(new URL(`../../src/server/${file}`, import.meta.url), "utf8"),
    );
    const read = new Set(
      sources.flatMap((text) =>
        [...text.matchAll(/env(?:\.|, ")([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]),
      ),
    );
    expect(read.size).toBeGreaterThan(10);
    expect([...read].filter((key) => !listed.has(key))).toEqual([]);
  });
});
