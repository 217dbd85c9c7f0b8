import type { Table } from "mdast";
import { toString as textOf } from "mdast-util-to-string";
import { MAX_BODY_LENGTH } from "../limits/github-limits.js";
import { META_NAMES } from "../report/field-names.js";
import { renderOverviewTable } from "../report/render-overview.js";
import type { MetaField } from "../report/types.js";
import { updateDerivedRows } from "../report/update-derived-rows.js";
import type { TemplateParse } from "./parse-with-template.js";
import type { TemplateReading } from "./read-template-fields.js";

/**
 * Fills a body written in a team's template with only what it lacks, never reshaping it: the
 * Overview table (the derived rows, and a row for each field the body does not hold itself: the
 * issue's times, the template's defaults) goes at its end, under a heading of its own (anywhere
 * else it would take the team's lines under it); a table the app added before only has its derived rows brought up to date.
 * Every line the team wrote stays, verbatim and in order.
 */
export function fillTemplate({ parsed, reading }: TemplateParse): string {
  const { body, table } = parsed.layout;
  if (table) {
    const updated = updateDerivedRows(body, parsed)?.body ?? body;
    return fillEmptyIssueRows(updated, body, table, reading);
  }
  const inBody = new Set(
    (Object.keys(reading.sources) as MetaField[]).filter(
      (field) => reading.sources[field] === "body",
    ),
  );
  const skip = new Set([...inBody].map((field) => `| ${META_NAMES[field].row} |`));
  const rows = renderOverviewTable(parsed).filter(
    (line) => ![...skip].some((start) => line.startsWith(start)),
  );
  const section = ["## Overview", "", ...rows].join("\n");
  const filled =
    body.trim() === "" ? `${section}\n` : `${body}${/\n$/.test(body) ? "" : "\n"}\n${section}\n`;
  // Over GitHub's limit the body stays as written (the reader still reads every field).
  return filled.length <= MAX_BODY_LENGTH ? filled : body;
}

/**
 * The Overview table the app added holds an empty row for a time the issue gives later (Upptime's
 * Resolved is the issue's close): that cell, and only an empty one, gets the time. A cell anyone
 * wrote in stays as it is. `table` is where the row is in `original`; the derived rows were updated
 * since (other rows), so the row's line is found again in `body` by its text, once or not at all.
 */
function fillEmptyIssueRows(
  body: string,
  original: string,
  table: Table,
  reading: TemplateReading,
): string {
  let filled = body;
  for (const row of table.children.slice(1)) {
    const name = textOf(row.children[0] ?? { type: "text", value: "" });
    const field = (Object.keys(reading.sources) as MetaField[]).find(
      (candidate) => reading.sources[candidate] === "issue" && META_NAMES[candidate].row === name,
    );
    const value = field && reading.raw[field];
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    if (!value || start === undefined || end === undefined) continue;
    const line = original.slice(start, end);
    if (!/^\|\s*[^|]+\|\s*\|?\s*$/.test(line)) continue;
    // Compared without a line's `\r`: a body saved from GitHub's editor ends each line in `\r\n`.
    const lines = filled.split("\n");
    const bare = lines.map((each) => each.replace(/\r$/, ""));
    const at = bare.indexOf(line.replace(/\r$/, ""));
    if (at === -1 || bare.indexOf(bare[at] ?? "", at + 1) !== -1) continue;
    lines[at] = `| ${name} | ${value} |${lines[at]?.endsWith("\r") ? "\r" : ""}`;
    filled = lines.join("\n");
  }
  return filled;
}
