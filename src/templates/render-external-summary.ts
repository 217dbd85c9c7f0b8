import { plainText } from "../markdown/neutralise.js";
import { formatDuration } from "../report/derive-durations.js";
import { describeSeverity } from "../report/severity-scale.js";
import type { ParsedReport } from "../report/types.js";
import { plainInline, proseSentences } from "./external-sentences.js";
import { personWords, redactSentence } from "./redact-sentence.js";

/** What the external summary must keep out, besides @handles. */
export interface SummaryContext {
  /** Names from the People and role rows (and the template's people keys). */
  people: readonly string[];
  /** `summary.internalHosts`: no link to these hosts or their subdomains. */
  internalHosts: readonly string[];
}

const SECTION_TEXT = 2_000;

/**
 * The external summary of a report (docs/definitions.md, "Internal and external reports"): the
 * services, the severity, the length in the report's duration format and the customer impact,
 * then the report's own sentences from Summary, Contributing factors (as the proximate cause) and
 * the open or done action items (as countermeasures). No @mention, no name from the People or
 * role rows, no link to an internal host, no timeline row: a sentence that named a person says
 * so at its end.
 */
export function renderExternalSummary(parsed: ParsedReport, context: SummaryContext): string {
  const { report } = parsed;
  const redaction = {
    people: personWords([
      ...context.people,
      ...report.peopleInvolved,
      report.incidentCommander ?? "",
    ]),
    hosts: context.internalHosts.map((host) => host.toLowerCase()),
  };
  const safe = (text: string) => {
    const redacted = redactSentence(text, redaction);
    return (
      plainText(redacted.text, SECTION_TEXT) +
      (redacted.namedPerson ? " _(a name was left out)_" : "")
    );
  };
  const section = (name: string) => {
    const found = parsed.sections.find((s) => s.name === name);
    return found && !found.empty ? proseSentences(found.content).map(safe).join(" ") : "";
  };
  const facts = [
    "| | |",
    "| --- | --- |",
    `| Services | ${report.services.length > 0 ? report.services.map((s) => safe(s)).join(", ") : "not stated"} |`,
    `| Severity | ${report.severity ? describeSeverity(report.severity) : "not stated"} |`,
    `| Duration | ${durationText(parsed)} |`,
    `| Customer impact | ${customerImpactText(parsed)} |`,
  ];
  const countermeasures = parsed.actionItems
    .filter((item) => !item.dropped)
    .map((item) => `- ${safe(countermeasureText(item.text))}${item.checked ? " (done)" : ""}`);
  const parts = ["### Disruption summary", "", ...facts];
  const add = (title: string, body: string) => {
    if (body !== "") parts.push("", `#### ${title}`, "", body);
  };
  add("Summary", section("Summary"));
  add("Proximate cause", section("Contributing factors"));
  add("Countermeasures", countermeasures.join("\n"));
  return `${parts.join("\n")}\n`;
}

/** An action item as a countermeasure: its owners (`@user`, `@org/team`) and due date are for the team. */
function countermeasureText(text: string): string {
  return plainInline(text)
    .replace(/\(?\bdue\s+\d{4}-\d{2}-\d{2}\)?/gi, "")
    .replace(/(?<![\p{L}\p{N}_.-])@[A-Za-z0-9][\w./-]*/gu, "")
    .replace(/\s+/g, " ")
    .trim();
}

function durationText(parsed: ParsedReport): string {
  const length = parsed.durations.lengthMinutes;
  if (length !== null) return formatDuration(length);
  return parsed.report.started && !parsed.report.resolved ? "ongoing" : "not stated";
}

function customerImpactText(parsed: ParsedReport): string {
  const impact = parsed.report.customerImpact;
  return impact === null ? "not stated" : impact.charAt(0).toUpperCase() + impact.slice(1);
}
