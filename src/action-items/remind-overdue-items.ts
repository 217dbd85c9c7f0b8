import { paginateGraphQL } from "@octokit/plugin-paginate-graphql";
import type { DateTime } from "luxon";
import type { Context } from "probot";
import { isReminderDue, weekKey } from "../calendar/reminder-week.js";
import { workCalendar } from "../calendar/work-calendar.js";
import type { Config } from "../config/config.js";
import { REPORT_ISSUES_QUERY } from "../github/fetch-report-issues.js";
import { findMarkedComment } from "../github/upsert-marked-comment.js";
import { isReport } from "../labels/is-report.js";
import { parseReport } from "../report/parse-report.js";
import { REMINDER_MARKER, readReminderState, renderReminder } from "./render-reminder.js";

interface OpenReportNode {
  number: number;
  body: string | null;
  labels: { nodes: { name: string }[] };
}

interface Page {
  repository: {
    issues: {
      nodes: OpenReportNode[];
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
  } | null;
}

/**
 * The weekly reminder of one repository (`actionItems.remind: true`), from the hourly schedule:
 * once its week's moment has come (the start of working hours on the week's first working day),
 * each open report with overdue items (or SEV1/SEV2 Lessons still empty two working days after it
 * was resolved) gets one comment, edited in place the following weeks. A report already reminded
 * this week, or with nothing overdue, gets no write.
 *
 * Costs: one GraphQL query per 100 open reports; for each report with something overdue, one
 * comment look-up and (once a week) one comment write.
 */
export async function remindOverdueItems(
  octokit: Context["octokit"],
  input: { owner: string; repo: string; config: Config; now: DateTime },
): Promise<number[]> {
  const { owner, repo, config, now } = input;
  const calendar = workCalendar(config);
  if (!config.actionItems.remind || !isReminderDue(calendar, now)) return [];
  const week = weekKey(calendar, now);
  const { graphql } = paginateGraphQL(octokit as Parameters<typeof paginateGraphQL>[0]);
  const reminded: number[] = [];
  const pages = graphql.paginate.iterator<Page>(REPORT_ISSUES_QUERY, {
    owner,
    name: repo,
    labels: [config.labels.report],
    states: ["OPEN"],
  });
  for await (const page of pages) {
    for (const node of page.repository?.issues.nodes ?? []) {
      if (
        !isReport(
          node.labels.nodes.map((label) => label.name),
          config.labels,
        )
      )
        continue;
      const parsed = parseReport(node.body ?? "", {
        timeZone: config.timeZone,
        types: config.types,
      });
      // Without the previous state first: a report with nothing overdue costs no comment look-up.
      if (!renderReminder({ parsed, calendar, now, previous: null })) continue;
      const issue = { owner, repo, issue_number: node.number };
      const existing = await findMarkedComment(octokit, issue, REMINDER_MARKER);
      const previous = existing ? readReminderState(existing.body) : null;
      if (previous?.week === week) continue;
      const reminder = renderReminder({ parsed, calendar, now, previous });
      if (!reminder) continue;
      if (existing) {
        await octokit.rest.issues.updateComment({
          owner,
          repo,
          comment_id: existing.id,
          body: reminder.body,
        });
      } else {
        await octokit.rest.issues.createComment({ ...issue, body: reminder.body });
      }
      reminded.push(node.number);
    }
  }
  return reminded;
}
