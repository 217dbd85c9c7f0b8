import { randomBytes } from "node:crypto";

/** How long an installation token is good for: an hour, as on GitHub. */
const TOKEN_LIFETIME_MS = 60 * 60_000;

/** An installation access token as handed out. */
interface IssuedToken {
  token: string;
  installationId: number;
  /** ISO 8601. */
  expiresAt: string;
}

/** The installation access tokens the server handed out (`ghs_…`), each good for an hour. */
export interface TokenRegistry {
  issue(installationId: number): IssuedToken;
  /** The token's installation, or undefined when the token is unknown or expired. */
  lookup(token: string): IssuedToken | undefined;
}

/** Creates an empty registry on a clock (the store's, so expiry follows a test's time). */
export function createTokenRegistry(clock: () => Date = () => new Date()): TokenRegistry {
  const tokens = new Map<string, IssuedToken>();
  return {
    issue(installationId) {
      const token = `ghs_${randomBytes(18).toString("hex")}`;
      const expiresAt = new Date(clock().getTime() + TOKEN_LIFETIME_MS)
        .toISOString()
        .replace(/\.\d{3}Z$/, "Z");
      const issued = { token, installationId, expiresAt };
      tokens.set(token, issued);
      return issued;
    },
    lookup(token) {
      const issued = tokens.get(token);
      if (!issued || Date.parse(issued.expiresAt) <= clock().getTime()) return undefined;
      return issued;
    },
  };
}
