import type { DateTime } from "luxon";
import type { Probot } from "probot";
import { duePeriods, isReportDue } from "../analytics/schedule.js";
import { MAX_PAGE_SIZE } from "./limits.js";
import { type ConfigLog, loadConfigLogged } from "./load-config.js";
import {
  findAnalyticsIssue,
  type GitHubClient,
  publishMonthlyReport,
} from "./publish-monthly-report.js";

export interface ScheduleRun {
  repositories: number;
  published: string[];
}

/**
 * The hourly check: for every repository of every installation whose config enables the monthly
 * report, publishes the previous month's analytics issue once it is due and missing (and, with
 * `report.quarterly`, the quarter's the month closes). Publishing
 * is idempotent (the issue is found by its marker), so a restart catches up and a second
 * instance finds the issue already there.
 */
export async function runMonthlySchedule(app: Probot, now: DateTime): Promise<ScheduleRun> {
  const run: ScheduleRun = { repositories: 0, published: [] };
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, {
    per_page: MAX_PAGE_SIZE,
  });
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate(
      octokit.rest.apps.listReposAccessibleToInstallation,
      { per_page: MAX_PAGE_SIZE },
    );
    for (const repository of repositories) {
      run.repositories += 1;
      const target = { owner: repository.owner.login, repo: repository.name };
      try {
        const issues = await publishIfDueAndMissing(octokit, target, app.log, now);
        for (const issue of issues) run.published.push(`${target.owner}/${target.repo}#${issue}`);
      } catch (error) {
        // One repository's failure (archived, permissions changed) must not stop the others.
        app.log.error(
          { err: error, repository: `${target.owner}/${target.repo}` },
          "monthly analytics failed for a repository",
        );
      }
    }
  }
  return run;
}

/** One repository's turn: publishes the previous month when due and missing; the new issue's number or null. */
async function publishIfDueAndMissing(
  octokit: GitHubClient,
  target: { owner: string; repo: string },
  log: ConfigLog & { info(details: object, message: string): void },
  now: DateTime,
): Promise<number[]> {
  const loaded = await loadConfigLogged(octokit, target, log, "monthly analytics skipped");
  if (!loaded.ok || !isReportDue(now, loaded.config)) return [];
  const { config } = loaded;
  const label = config.labels.analytics;
  const published: number[] = [];
  for (const period of duePeriods(now, config)) {
    const found = await findAnalyticsIssue(octokit, { ...target, label, period });
    if (found.issue) continue;
    const outcome = await publishMonthlyReport(octokit, { ...target, period, config, now, found });
    log.info(
      { repository: `${target.owner}/${target.repo}`, period, issue: outcome.number },
      "analytics published",
    );
    published.push(outcome.number);
  }
  return published;
}
