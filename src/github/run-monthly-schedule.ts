import type { DateTime } from "luxon";
import type { Probot } from "probot";
import { isReportDue, previousMonth } from "../analytics/schedule.js";
import { findAnalyticsIssue, publishMonthlyReport } from "./publish-monthly-report.js";
import { readConfig } from "./read-config.js";

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
    per_page: 100,
  });
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate(
      octokit.rest.apps.listReposAccessibleToInstallation,
      { per_page: 100 },
    );
    for (const repository of repositories) {
      run.repositories += 1;
      const owner = repository.owner.login;
      const repo = repository.name;
      try {
        const loaded = await readConfig(octokit, owner, repo);
        if (!loaded.ok || !isReportDue({ now, config: loaded.config, published: false })) continue;
        const { config } = loaded;
        const month = previousMonth(now, config.timeZone);
        const found = await findAnalyticsIssue(octokit, {
          owner,
          repo,
          label: config.labels.analytics,
          month,
        });
        if (found.issue) continue;
        const outcome = await publishMonthlyReport(octokit, {
          owner,
          repo,
          month,
          config,
          now,
          found,
        });
        run.published.push(`${owner}/${repo}#${outcome.number}`);
        app.log.info(
          { repository: `${owner}/${repo}`, month, issue: outcome.number },
          "monthly analytics published",
        );
      } catch (error) {
        // One repository's failure (archived, permissions changed) must not stop the others.
        app.log.error(
          { err: error, repository: `${owner}/${repo}` },
          "monthly analytics failed for a repository",
        );
      }
    }
  }
  return run;
}
