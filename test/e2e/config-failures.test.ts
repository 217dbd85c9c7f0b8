import { DateTime } from "luxon";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FORM_BODY, REPO, seedRepository } from "../../dev/demo/scenario.js";
import { type Harness, startHarness } from "../../dev/demo/start-harness.js";

const CONFIG = ".github/disruption-reports.yml";
let harness: Harness;

beforeEach(async () => {
  harness = await startHarness({ appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z") });
  seedRepository(harness);
});

afterEach(async () => {
  await harness.close();
});

const appComments = (n: number) =>
  harness.github.store
    .comments(REPO, n)
    .filter((comment) => comment.user === harness.github.store.bot.login)
    .map((comment) => comment.body);

describe("config failures are loud and safe, through the real server", () => {
  it("a broken config keeps the close guard on with the defaults, and says so once, edited in place", async () => {
    const { store } = harness.github;
    store.setFile(REPO, CONFIG, "timeZone: Berlin\ncloseGuard: [\n");
    const n = store.createIssue("maya", REPO, {
      title: "Outage",
      body: FORM_BODY,
      labels: ["disruption"],
    }).number;
    await harness.settle();
    expect(appComments(n)).toEqual([expect.stringContaining("is not valid YAML")]);

    for (let close = 0; close < 2; close += 1) {
      store.updateIssue("sam", REPO, n, { state: "closed", state_reason: "completed" });
      const deliveries = await harness.settle();
      expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
      expect(store.issue(REPO, n).state).toBe("open");
    }
    const comments = appComments(n);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toContain(`\`acme/ops:${CONFIG}\` is not valid`);
    expect(comments[0]).toContain("the close guard still runs with the default settings");
    expect(comments[1]).toContain("<!-- disruption-reports:close-guard -->");
  });

  it("an alias bomb gets the same clear comment instead of a failed delivery", async () => {
    const { store } = harness.github;
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let level = 1; level < 9; level += 1) {
      const name = String.fromCharCode(97 + level);
      lines.push(
        `${name}: &${name} [${Array(9)
          .fill(`*${String.fromCharCode(96 + level)}`)
          .join(", ")}]`,
      );
    }
    store.setFile(REPO, CONFIG, lines.join("\n"));
    const n = store.createIssue("maya", REPO, {
      title: "Outage",
      body: FORM_BODY,
      labels: ["disruption"],
    }).number;
    const deliveries = await harness.settle();
    expect(deliveries.every((delivery) => delivery.status === 200)).toBe(true);
    expect(appComments(n)).toEqual([expect.stringMatching(/aliases .* more than 100 times/)]);
    expect(store.issue(REPO, n).body).toBe(FORM_BODY);
  });
});
