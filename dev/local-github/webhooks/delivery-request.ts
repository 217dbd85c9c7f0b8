import { sign } from "@octokit/webhooks-methods";
import type { WebhookEvent } from "./webhook-event.js";

/** What GitHub sends to the app's webhook URL for an event: the headers and the exact body. */
export interface DeliveryRequest {
  headers: Record<string, string>;
  body: string;
}

/**
 * The HTTP request GitHub would make for a webhook event: `X-GitHub-Event`, `X-GitHub-Delivery`,
 * and `X-Hub-Signature-256` (HMAC-SHA256 of the body with the webhook secret, signed as
 * `@octokit/webhooks` verifies it). POST it to the app's webhook path.
 */
export async function deliveryRequest(
  event: WebhookEvent,
  secret: string,
): Promise<DeliveryRequest> {
  const body = JSON.stringify(event.payload);
  return {
    headers: {
      "content-type": "application/json",
      "user-agent": "GitHub-Hookshot/local",
      "x-github-event": event.name,
      "x-github-delivery": event.id,
      "x-github-hook-id": "1",
      "x-hub-signature-256": await sign(secret, body),
    },
    body,
  };
}
