import type { DateTime } from "luxon";
import type { Context, Probot } from "probot";
import { remindOverdueItems } from "../action-items/remind-overdue-items.js";
import { duePeriods, isReportDue } from "../analytics/schedule.js";
import { scheduleCandidate } from "../analytics/schedule-candidate.js";
import { isReminderDue } from "../calendar/reminder-week.js";
import { workCalendar } from "../calendar/work-calendar.js";
import type { Config } from "../config/config.js";
import { describeConfigProblem } from "../config/config-problem.js";
import { CONFIG_PATH } from "../config/parse-config-text.js";
import { MAX_PAGE_SIZE } from "../limits/github-limits.js";
import { findAnalyticsIssue } from "./find-analytics-issue.js";
import { type ConfigLoad, loadConfig } from "./load-config.js";
import { probeRepositories, type RepositoryProbe } from "./probe-repositories.js";
import { type GitHubClient, publishMonthlyReport } from "./publish-monthly-report.js";

export interface ScheduleRun {
  repositories: number;
  published: string[];
}

type Log = Probot["log"];

/**
 * The hourly check: publishes the previous month's analytics issue, once it is due and missing,
 * in every repository that holds reports and enables the monthly report. What it costs is what it
 * must (README, "What it costs"): per installation, the repository list (100 a page), the owner's
 * `.github` config once, and one GraphQL query per 50 repositories for their config file and
 * report label; only a repository that is due reads more. Publishing is idempotent (the issue is
 * found by its marker), so a restart catches up and a second instance finds the issue there.
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
    run.repositories += repositories.length;
    const byOwner = new Map<string, string[]>();
    for (const repository of repositories) {
      const names = byOwner.get(repository.owner.login) ?? [];
      names.push(repository.name);
      byOwner.set(repository.owner.login, names);
    }
    for (const [owner, names] of byOwner) {
      const published = await runForOwner(octokit, owner, names, app.log, now);
      run.published.push(...published);
    }
  }
  return run;
}

/** One owner's repositories: its `.github` config read once, then one look at each repository. */
async function runForOwner(
  octokit: GitHubClient,
  owner: string,
  names: string[],
  log: Log,
  now: DateTime,
): Promise<string[]> {
  const ownerLoad = await loadConfig(octokit, owner, ".github");
  const ownerConfig: ConfigLoad = ownerLoad;
  const label = ownerConfig.ok ? ownerConfig.config.labels.report : ownerConfig.problem.reportLabel;
  const repositories = names.map((repo) => ({ owner, repo }));
  const published: string[] = [];
  const lookAgain = new Map<string, { owner: string; repo: string }[]>();
  const visit = async (probes: RepositoryProbe[], probedLabel: string) => {
    for (const probe of probes) {
      const target = { owner: probe.owner, repo: probe.repo };
      const candidate = scheduleCandidate({
        source: `${owner}/${probe.repo}:${CONFIG_PATH}`,
        configText: probe.configText,
        reports: probe.reports,
        probedLabel,
        owner: ownerConfig,
        isDue: (config) =>
          isReportDue(now, config) ||
          (config.actionItems.remind && isReminderDue(workCalendar(config), now)),
      });
      if (candidate.kind === "broken") {
        log.warn(
          { repository: `${owner}/${probe.repo}`, issues: candidate.problem.issues },
          `${describeConfigProblem(candidate.problem)}: monthly analytics skipped`,
        );
      } else if (candidate.kind === "look again") {
        const list = lookAgain.get(candidate.label) ?? [];
        list.push(target);
        lookAgain.set(candidate.label, list);
      } else if (candidate.kind === "check") {
        try {
          const issues = await publishIfMissing(octokit, target, candidate.config, log, now);
          for (const issue of issues) published.push(`${owner}/${probe.repo}#${issue}`);
        } catch (error) {
          // One repository's failure (archived, permissions changed) must not stop the others.
          log.error(
            { err: error, repository: `${owner}/${probe.repo}` },
            "monthly analytics failed for a repository",
          );
        }
      }
    }
  };
  await visit(await probeRepositories(octokit, repositories, label), label);
  for (const [other, targets] of lookAgain)
    await visit(await probeRepositories(octokit, targets, other), other);
  return published;
}

/**
 * A due repository: publishes each due period (the previous month, and with `report.quarterly`
 * the quarter it closes) when missing; the new issues' numbers.
 */
async function publishIfMissing(
  octokit: GitHubClient,
  target: { owner: string; repo: string },
  config: Config,
  log: Log,
  now: DateTime,
): Promise<number[]> {
  // The weekly reminder shares this hourly run and its config read (README "Tracked action items").
  // The hourly run's client is an installation's Probot Octokit (`app.auth`), as a handler's is.
  const client = octokit as unknown as Context["octokit"];
  const reminded = await remindOverdueItems(client, { ...target, config, now });
  if (reminded.length > 0)
    log.info({ repository: `${target.owner}/${target.repo}`, reports: reminded }, "reminded");
  if (!isReportDue(now, config)) return [];
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
