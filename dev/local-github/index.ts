/**
 * A local GitHub for issues: an in-memory stand-in for the parts of GitHub's REST and GraphQL APIs
 * the app uses, on loopback, for the offline demo and the end-to-end tests.
 */
export type { FaultKind } from "./server/faults.js";
export type { InterceptedRequest, RecordedRequest } from "./server/recorded-request.js";
export { type LocalGitHub, startLocalGitHub } from "./server/start-local-github.js";
export type { LocalStore, SeedIssue } from "./store/local-store.js";
export { deliveryRequest } from "./webhooks/delivery-request.js";
export type { HookDelivery } from "./webhooks/hook-deliveries.js";
export type { WebhookEvent } from "./webhooks/webhook-event.js";
