import type { UserRecord } from "../store/records.js";
import { nodeId, segment, type Urls } from "./urls.js";

/** An organization as the `organization` of webhook payloads (`organization-simple`). */
export function organizationJson(org: UserRecord, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/orgs/${segment(org.login)}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("O", org.id),
    url: api,
    repos_url: `${api}/repos`,
    events_url: `${api}/events`,
    hooks_url: `${api}/hooks`,
    issues_url: `${api}/issues`,
    members_url: `${api}/members{/member}`,
    public_members_url: `${api}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: null,
  };
}
