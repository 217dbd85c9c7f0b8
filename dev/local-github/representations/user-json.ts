import type { UserRecord } from "../store/records.js";
import { nodeId, segment, type Urls } from "./urls.js";

/** A user, organization or bot as GitHub's `simple-user`. */
export function userJson(user: UserRecord, urls: Urls): Record<string, unknown> {
  const api = `${urls.api}/users/${segment(user.login)}`;
  const slug = user.login.replace(/\[bot\]$/, "");
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(
      user.type === "Bot" ? "BOT" : user.type === "Organization" ? "O" : "U",
      user.id,
    ),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url: api,
    html_url:
      user.type === "Bot"
        ? `${urls.html}/apps/${segment(slug)}`
        : `${urls.html}/${segment(user.login)}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: "public",
    site_admin: false,
  };
}
