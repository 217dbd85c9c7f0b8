import { generateKeyPairSync } from "node:crypto";

/**
 * A fresh RSA private key (PEM) for an app's JWTs. 1,024 bits: enough for a test, and quick to
 * make (2,048 bits takes up to half a second).
 */
export function appKey(): string {
  return generateKeyPairSync("rsa", {
    modulusLength: 1024,
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
    publicKeyEncoding: { type: "spki", format: "pem" },
  }).privateKey;
}
