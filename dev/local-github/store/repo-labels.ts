import { MAX_LABELS_PER_ISSUE } from "../../../src/limits/github-limits.js";
import { checkLabelName, DEFAULT_LABEL_COLOR } from "./github-limits.js";
import type { LabelRecord, RepoRecord } from "./records.js";
import { validationFailed } from "./store-error.js";

/**
 * The repository's label of that name (any case), created grey (`ededed`, no description) when
 * it lacks one, as GitHub does for a label set on an issue before it existed.
 */
export function labelOf(repo: RepoRecord, name: string, nextId: () => number): LabelRecord {
  const checked = checkLabelName(name);
  const existing = repo.labels.get(checked.toLowerCase());
  if (existing) return existing;
  const label: LabelRecord = {
    id: nextId(),
    name: checked,
    color: DEFAULT_LABEL_COLOR,
    description: null,
    default: false,
  };
  repo.labels.set(checked.toLowerCase(), label);
  return label;
}

/**
 * The label names of a write (`["a"]` or `[{ name: "a" }]`), each at most 50 characters, spelled
 * as the repository spells them, without duplicates in any case.
 */
export function labelNamesOf(repo: RepoRecord, value: unknown): string[] {
  if (!Array.isArray(value))
    throw validationFailed({ resource: "Issue", field: "labels", code: "invalid" });
  const names: string[] = [];
  for (const entry of value) {
    const raw =
      typeof entry === "object" && entry !== null ? (entry as { name?: unknown }).name : entry;
    if (typeof raw !== "string" || raw.trim() === "")
      throw validationFailed({ resource: "Issue", field: "labels", code: "invalid" });
    checkLabelName(raw);
    const name = repo.labels.get(raw.toLowerCase())?.name ?? raw;
    if (!names.some((known) => known.toLowerCase() === name.toLowerCase())) names.push(name);
  }
  if (names.length > MAX_LABELS_PER_ISSUE)
    throw validationFailed({
      resource: "Issue",
      field: "labels",
      code: "custom",
      message: `Issues can have at most ${MAX_LABELS_PER_ISSUE} labels`,
    });
  return names;
}
