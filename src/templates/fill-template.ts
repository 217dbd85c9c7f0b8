import { MAX_BODY_LENGTH } from "../limits/github-limits.js";
import { META_NAMES } from "../report/field-names.js";
import { renderOverviewTable } from "../report/render-overview.js";
import type { MetaField } from "../report/types.js";
import { updateDerivedRows } from "../report/update-derived-rows.js";
import type { TemplateParse } from "./parse-with-template.js";

/**
 * Fills a body written in a team's template with only what it lacks, never reshaping it: the
 * Overview table (the derived rows, and a row for each field the body does not hold itself: the
 * issue's times, the template's defaults) goes at its end, under a heading of its own (anywhere
 * else it would take the team's lines under it); a table the app added before only has its derived rows brought up to date.
 * Every line the team wrote stays, verbatim and in order.
 */
export function fillTemplate({ parsed, reading }: TemplateParse): string {
  const { body, table } = parsed.layout;
  if (table) return updateDerivedRows(body, parsed)?.body ?? body;
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
