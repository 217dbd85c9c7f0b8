import type { LocalStore } from "../store/local-store.js";
import type { InstallationRecord } from "../store/records.js";
import type { TokenRegistry } from "./token-registry.js";
import { looksLikeJwt, verifyAppJwt } from "./verify-app-jwt.js";

/** Who made a request, as far as its `Authorization` header tells. */
export type Caller =
  | { kind: "anonymous" }
  | { kind: "invalid"; message: string }
  /** The app itself, with a JSON web token: only the `/app` endpoints. */
  | { kind: "app" }
  /** The app acting on an installation (a `ghs_` token): acts as `<slug>[bot]`. */
  | { kind: "installation"; installation: InstallationRecord; login: string }
  /** A person with a personal token. */
  | { kind: "user"; login: string };

/** What telling callers apart needs. */
export interface AuthSettings {
  store: LocalStore;
  tokens: TokenRegistry;
  /** Personal tokens and whose they are. */
  personalTokens: ReadonlyMap<string, string>;
  /** The app's key (PEM) to check JSON web token signatures with; unchecked without it. */
  appKey?: string | undefined;
}

/** Reads `Authorization: token X` / `Bearer X` as GitHub would. */
export function authenticate(header: string | undefined, settings: AuthSettings): Caller {
  if (!header) return { kind: "anonymous" };
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
  const token = match?.[1];
  if (!token) return { kind: "invalid", message: "Bad credentials" };
  const issued = settings.tokens.lookup(token);
  if (issued) {
    const installation = settings.store.installation(issued.installationId);
    if (!installation) return { kind: "invalid", message: "Bad credentials" };
    return { kind: "installation", installation, login: settings.store.bot.login };
  }
  const person = settings.personalTokens.get(token);
  if (person !== undefined) return { kind: "user", login: person };
  if (looksLikeJwt(token)) {
    const { store } = settings;
    const problem = verifyAppJwt(
      token,
      { id: store.app.id, clientId: store.app.clientId, key: settings.appKey },
      new Date(),
    );
    return problem ? { kind: "invalid", message: problem } : { kind: "app" };
  }
  return { kind: "invalid", message: "Bad credentials" };
}
