import type { LocalStore } from "../store/local-store.js";
import type { InstallationRecord } from "../store/records.js";
import { nodeId, segment, type Urls } from "./urls.js";
import { userJson } from "./user-json.js";

/** The app as GitHub's `integration` (`GET /app`). */
export function appJson(store: LocalStore, urls: Urls): Record<string, unknown> {
  const { app } = store;
  const owner = store.user(app.owner);
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId("A", app.id),
    client_id: app.clientId,
    owner: owner ? userJson(owner, urls) : null,
    name: app.name,
    description: null,
    external_url: `${urls.html}/apps/${segment(app.slug)}`,
    html_url: `${urls.html}/apps/${segment(app.slug)}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events,
    installations_count: store.installations().length,
  };
}

/** An installation as GitHub's `installation` (`GET /app/installations`). */
export function installationJson(
  installation: InstallationRecord,
  store: LocalStore,
  urls: Urls,
): Record<string, unknown> {
  const account = store.user(installation.account);
  return {
    id: installation.id,
    account: account ? userJson(account, urls) : null,
    repository_selection: installation.repositories === "all" ? "all" : "selected",
    access_tokens_url: `${urls.api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${urls.api}/installation/repositories`,
    html_url: `${urls.html}/settings/installations/${installation.id}`,
    app_id: store.app.id,
    app_slug: store.app.slug,
    target_id: account?.id ?? 0,
    target_type: account?.type === "Organization" ? "Organization" : "User",
    permissions: installation.permissions,
    events: store.app.events,
    created_at: installation.createdAt,
    updated_at: installation.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
