import { ACCEPTED_TIME_FORMATS } from "../../report/parse-time.js";
import { REPEAT_WINDOW_DAYS } from "../find-repeats.js";
import { duration, localTime } from "../format-figures.js";
import { inlineMarkdown, inlineText } from "../markdown-text.js";
import type { Repeat } from "../types.js";
import { type Block, foldedTable, tableBlock } from "./blocks.js";
import { plural, type ReportView, reportLink, shortLink } from "./report-view.js";
import { SHORT_LIST } from "./section-services.js";

/** Disruptions one repeat row links to; the earlier ones are counted. */
const REPEAT_LINKS = 10;

/** Service and type pairs that failed again within 90 days. */
export function repeatsSection(view: ReportView): Block[] {
  const repeats = view.result.details.repeats;
  if (repeats.length === 0)
    return [
      "## Repeats",
      `None: no service had the same type of disruption twice within ${REPEAT_WINDOW_DAYS} days.`,
    ];
  const rows = repeats.map((repeat) => [
    inlineText(repeat.service),
    inlineText(repeat.type),
    repeatLinks(view, repeat),
  ]);
  const headers = ["Service", "Type", "Disruptions"];
  return [
    "## Repeats",
    `The same service and type twice or more within ${REPEAT_WINDOW_DAYS} days, counting back from each disruption of ${view.name}.`,
    rows.length > SHORT_LIST
      ? foldedTable(`<b>${plural(rows.length, "repeat")}</b>`, headers, rows)
      : tableBlock(headers, rows),
  ];
}

/** The period's disruptions, oldest first. */
export function disruptionsSection(view: ReportView): Block[] {
  const list = view.result.details.disruptions;
  const heading = `## Disruptions in ${view.name} (${list.length})`;
  if (list.length === 0) return [heading, `No disruptions in ${view.name}.`];
  const headers = ["Report", "Severity", "Type", "Services", "Started", "Length"];
  const rows = list.map((row) => [
    reportLink(view, row.issue),
    row.severity ?? "—",
    row.type ? inlineText(row.type) : "—",
    inlineText(row.services.join(", ")) || "—",
    localTime(row.started),
    duration(row.lengthMinutes),
  ]);
  return [
    heading,
    rows.length > SHORT_LIST
      ? foldedTable(`<b>${plural(rows.length, "disruption")}</b>, oldest first`, headers, rows, [5])
      : tableBlock(headers, rows, [5]),
  ];
}

/** Reports whose Started cannot be read; the accepted formats said once. */
export function problemsSection(view: ReportView): Block[] {
  const problems = view.result.details.problems;
  const heading = `## Data problems (${problems.length})`;
  if (problems.length === 0) return [heading, "None: every report's Started time could be read."];
  const hint = new RegExp(`\\s*[Ww]rite it as ${escapeRegExp(ACCEPTED_TIME_FORMATS)}\\.?`, "g");
  return [
    heading,
    `These reports are not counted in any period because their Started time cannot be read. Write it as ${ACCEPTED_TIME_FORMATS}, then publish the report again.`,
    foldedTable(
      `<b>${plural(problems.length, "report")} not counted</b>`,
      ["Report", "Problem"],
      problems.map((problem) => [
        reportLink(view, problem.issue),
        inlineMarkdown(problem.message.replace(hint, "").replace(/[:.]?$/, "."), 400),
      ]),
    ),
  ];
}

/** Links to a repeat's disruptions, the newest ones when there are more than fit a cell. */
function repeatLinks(view: ReportView, repeat: Repeat): string {
  const shown = repeat.disruptions.slice(-REPEAT_LINKS);
  const links = shown.map(
    (entry) => `${shortLink(view, entry.issue)} (${entry.started.slice(0, 10)})`,
  );
  const hidden = repeat.disruptions.length - shown.length;
  return hidden > 0 ? `${hidden} earlier, then ${links.join(", ")}` : links.join(", ");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
