import { createPublicKey, type KeyObject, verify } from "node:crypto";

/** The app a JWT must come from. */
export interface AppIdentity {
  id: number;
  clientId: string;
  /** The app's key (private or public PEM); without it the signature is not checked. */
  key?: string | undefined;
}

/** True when the text has the three base64url parts of a JSON web token. */
export function looksLikeJwt(token: string): boolean {
  return /^[\w-]+\.[\w-]+\.[\w-]*$/.test(token);
}

function decodePart(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Checks an app's JSON web token as GitHub does: RS256, issued by this app (its id or client id),
 * not expired, and signed with the app's key when the key is known. Returns null when it is good,
 * or GitHub's message for why it is not.
 */
export function verifyAppJwt(token: string, app: AppIdentity, now: Date): string | null {
  const [headerPart = "", payloadPart = "", signature = ""] = token.split(".");
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload || header.alg !== "RS256") return "A JSON web token could not be decoded";
  if (String(payload.iss) !== String(app.id) && payload.iss !== app.clientId)
    return "'Issuer' claim ('iss') must be an Integer";
  if (typeof payload.exp !== "number" || payload.exp * 1000 <= now.getTime())
    return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires";
  if (app.key) {
    let key: KeyObject;
    try {
      key = createPublicKey(app.key);
    } catch {
      return "A JSON web token could not be decoded";
    }
    const signed = Buffer.from(`${headerPart}.${payloadPart}`);
    if (!verify("RSA-SHA256", signed, key, Buffer.from(signature, "base64url")))
      return "A JSON web token could not be decoded";
  }
  return null;
}
