/**
 * Label names as GitHub compares them: case-insensitively (`Disruption` and `disruption` are one
 * label in a repository). Every comparison of label names in the app goes through here.
 */

/** The form two label names are compared in. */
export function labelKey(name: string): string {
  return name.toLowerCase();
}

/** True when the two names are the same label. */
export function sameLabel(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** True when `labels` holds the label `name`. */
export function hasLabel(labels: readonly string[], name: string): boolean {
  return labels.some((label) => sameLabel(label, name));
}

/** True when the label `name` starts with `prefix` (an empty prefix matches nothing). */
export function hasLabelPrefix(name: string, prefix: string): boolean {
  return prefix !== "" && labelKey(name).startsWith(labelKey(prefix));
}

/** The names of a webhook's label objects (`issue.labels`), none when it has none. */
export function labelNames(labels: readonly { name: string }[] | undefined): string[] {
  return (labels ?? []).map((label) => label.name);
}
