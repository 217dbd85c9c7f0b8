import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { DateTime } from "luxon";
import { COMMAND_INCIDENT_TITLE, playCommandIncident } from "./command-incident.js";
import { renderTranscript } from "./render-transcript.js";
import { playScenario, REPO, seedRepository } from "./scenario.js";
import { startHarness } from "./start-harness.js";

/**
 * `npm run demo`: the app working end to end with no network and no credentials. A local GitHub
 * and the app's real server on loopback; a scenario played as signed webhook deliveries; a
 * transcript on standard output and the resulting issues as markdown under `demo-output/`.
 */
async function main(): Promise<void> {
  let tick = 0;
  const start = Date.parse("2026-11-20T16:00:00Z");
  const harness = await startHarness({
    // A clock that moves one second per write, so every run reads the same.
    githubNow: () => new Date(start + 1000 * tick++),
    appClock: () => DateTime.fromISO("2026-11-20T16:30:00Z"),
  });
  try {
    seedRepository(harness);
    console.log("Disruption Reports: offline demo");
    console.log(`  local GitHub  ${harness.github.url}`);
    console.log(`  app server    ${harness.webhookUrl}`);
    const steps = [...(await playScenario(harness)), ...(await playCommandIncident(harness))];
    console.log(renderTranscript(steps));
    const outputDir = join(process.cwd(), "demo-output");
    await mkdir(outputDir, { recursive: true });
    const written: string[] = [];
    for (const issue of harness.github.store.issues(REPO)) {
      const shown =
        issue.labels.includes("disruption-analytics") ||
        issue.number === 2 ||
        issue.title === COMMAND_INCIDENT_TITLE;
      if (!shown) continue;
      const comments = harness.github.store.comments(REPO, issue.number);
      const file = join(outputDir, `issue-${issue.number}.md`);
      const text = [
        `# #${issue.number} ${issue.title}`,
        "",
        `State: ${issue.state}. Labels: ${issue.labels.join(", ")}.`,
        "",
        issue.body ?? "",
        ...comments.flatMap((comment) => [
          "",
          "---",
          "",
          `**Comment by ${comment.user}:**`,
          "",
          comment.body,
        ]),
        "",
      ].join("\n");
      await writeFile(file, text);
      written.push(file);
    }
    console.log("");
    console.log("Read the results:");
    for (const file of written) console.log(`  ${file}`);
  } finally {
    await harness.close();
  }
}

await main();
