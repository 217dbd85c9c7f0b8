import type { Config } from "../config/config.js";
import type { ActionItem, ParsedReport, Severity } from "../report/types.js";

/** What GitHub says of a referenced issue; `unreadable` when it answered 404 or 410. */
export type ReferenceState =
  | {
      kind: "found";
      state: "OPEN" | "CLOSED";
      stateReason: string | null;
      title?: string;
      url?: string;
    }
  | { kind: "unreadable" };

interface SubIssuesSummary {
  total: number;
  completed: number;
}

export type CloseBlocker =
  | { kind: "open-item"; item: ActionItem }
  | { kind: "checked-but-open-reference"; item: ActionItem; references: string[] }
  | { kind: "unreadable-reference"; item: ActionItem; references: string[] }
  | { kind: "open-sub-issues"; open: number; total: number }
  | { kind: "no-action-items"; severity: Severity };

export interface CloseDecision {
  allowed: boolean;
  blockers: CloseBlocker[];
}

export interface CloseContext {
  config: Config;
  /** The close's `state_reason`: `completed`, `not_planned`, `duplicate`, or null. */
  stateReason: string | null;
  /** The repository the report lives in, to resolve `#123`. */
  repository?: { owner: string; name: string };
  /** States of referenced issues, keyed by `referenceKey`. Without it, checkboxes are taken as written. */
  references?: ReadonlyMap<string, ReferenceState>;
  subIssues?: SubIssuesSummary | null;
}

/** `#12` → `owner/repo#12` (as written otherwise), the form GitHub is asked about. */
function qualifiedReference(
  reference: string,
  repository?: { owner: string; name: string },
): string {
  return reference.startsWith("#") && repository
    ? `${repository.owner}/${repository.name}${reference}`
    : reference;
}

/** The lookup key of a reference: qualified and lower-cased, so one issue has one key however it was written. */
export function referenceKey(
  reference: string,
  repository?: { owner: string; name: string },
): string {
  return qualifiedReference(reference, repository).toLowerCase();
}

/**
 * True when the close guard judges this close at all: the guard is on, and the report was not
 * closed as not planned or duplicate (those closes always stand).
 */
export function guardsClose(config: Config, stateReason: string | null): boolean {
  return config.closeGuard.enabled && stateReason !== "not_planned" && stateReason !== "duplicate";
}

/**
 * The issues the live action items reference, qualified (`owner/repo#12`): what must be asked of
 * GitHub before {@link decideClose} can judge the items.
 */
export function referencedIssues(
  parsed: ParsedReport,
  repository: { owner: string; name: string },
): string[] {
  return parsed.actionItems
    .filter((item) => !item.dropped)
    .flatMap((item) => item.references.map((ref) => qualifiedReference(ref, repository)));
}

/**
 * Decides whether a close may stand. A report stays open while an action item is open (unchecked,
 * not struck through, and not done through its referenced issues), a checked item's referenced
 * issue is still open, a sub-issue is open, or a SEV1/SEV2 (configurable) report has no action
 * item. Closing as not planned or duplicate always stands.
 */
export function decideClose(parsed: ParsedReport, context: CloseContext): CloseDecision {
  const { config, stateReason } = context;
  if (!guardsClose(config, stateReason)) return { allowed: true, blockers: [] };
  const blockers: CloseBlocker[] = [];
  const live = parsed.actionItems.filter((item) => !item.dropped);
  for (const item of live) {
    const states = item.references.map((ref) => ({
      ref,
      state: context.references?.get(referenceKey(ref, context.repository)),
    }));
    const known = context.references !== undefined && states.length > 0;
    const unreadable = states
      .filter(({ state }) => state?.kind === "unreadable")
      .map(({ ref }) => ref);
    const open = states
      .filter(({ state }) => state?.kind === "found" && state.state === "OPEN")
      .map(({ ref }) => ref);
    const allCompleted =
      known &&
      states.every(
        ({ state }) =>
          state?.kind === "found" &&
          state.state === "CLOSED" &&
          closedAsCompleted(state.stateReason),
      );
    if (item.checked) {
      if (open.length > 0)
        blockers.push({ kind: "checked-but-open-reference", item, references: open });
      else if (unreadable.length > 0)
        blockers.push({ kind: "unreadable-reference", item, references: unreadable });
      continue;
    }
    if (allCompleted) continue;
    if (unreadable.length > 0)
      blockers.push({ kind: "unreadable-reference", item, references: unreadable });
    else blockers.push({ kind: "open-item", item });
  }
  const subIssues = context.subIssues;
  if (subIssues && subIssues.total > subIssues.completed) {
    blockers.push({
      kind: "open-sub-issues",
      open: subIssues.total - subIssues.completed,
      total: subIssues.total,
    });
  }
  const severity = parsed.report.severity;
  if (severity && config.closeGuard.requireActionItems.includes(severity) && live.length === 0) {
    blockers.push({ kind: "no-action-items", severity });
  }
  return { allowed: blockers.length === 0, blockers };
}

/** A close without a reason (older issues) counts as completed; not planned and duplicate do not. */
function closedAsCompleted(stateReason: string | null): boolean {
  const reason = stateReason?.toLowerCase() ?? "completed";
  return reason === "completed";
}
