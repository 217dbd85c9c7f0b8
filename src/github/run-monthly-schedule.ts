import type { DateTime } from "luxon";
import type { Probot } from "probot";
import { isReportDue, previousMonth } from "../analytics/schedule.js";
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
 * report, publishes the previous month's analytics issue once it is due and missing. Publishing
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
        const issue = await publishIfDueAndMissing(octokit, target, app.log, now);
        if (issue !== null) run.published.push(`${target.owner}/${target.repo}#${issue}`);
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
): Promise<number | null> {
  const loaded = await loadConfigLogged(octokit, target, log, "monthly analytics skipped");
  if (!loaded.ok || !isReportDue(now, loaded.config)) return null;
  const { config } = loaded;
  const month = previousMonth(now, config.timeZone);
  const label = config.labels.analytics;
  const found = await findAnalyticsIssue(octokit, { ...target, label, month });
  if (found.issue) return null;
  const outcome = await publishMonthlyReport(octokit, { ...target, month, config, now, found });
  log.info(
    { repository: `${target.owner}/${target.repo}`, month, issue: outcome.number },
    "monthly analytics published",
  );
  return outcome.number;
}
