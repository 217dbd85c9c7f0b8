import type { LabelRecord, RepoRecord } from "../store/records.js";
import { nodeId, segment, type Urls } from "./urls.js";

/** A label as GitHub's `label`. */
export function labelJson(
  label: LabelRecord,
  repo: RepoRecord,
  urls: Urls,
): Record<string, unknown> {
  return {
    id: label.id,
    node_id: nodeId("LA", label.id),
    url: `${urls.api}/repos/${segment(repo.owner)}/${segment(repo.name)}/labels/${segment(label.name)}`,
    name: label.name,
    color: label.color,
    default: label.default,
    description: label.description,
  };
}
