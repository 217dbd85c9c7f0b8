/**
 * A local GitHub for issues: an in-memory stand-in for the parts of GitHub's REST and GraphQL APIs
 * the app uses, on loopback, for the offline demo and the end-to-end tests.
 */
export type { Caller } from "./auth/authenticate.js";
export type { GraphqlValidation } from "./graphql/validate-query.js";
export {
  FAULT_KINDS,
  type FaultHandle,
  type FaultKind,
  type FaultSpec,
} from "./server/faults.js";
export type {
  InterceptedRequest,
  Interceptor,
  InterceptReply,
  RecordedRequest,
} from "./server/recorded-request.js";
export {
  type LocalGitHub,
  type LocalGitHubOptions,
  startLocalGitHub,
} from "./server/start-local-github.js";
export { createStore } from "./store/create-store.js";
export { DEFAULT_LABEL_COLOR } from "./store/github-limits.js";
export type {
  IssueWrite,
  LocalStore,
  RepoRef,
  SeedIssue,
  StoreOptions,
} from "./store/local-store.js";
export type {
  AppRecord,
  CommentRecord,
  InstallationRecord,
  IssueRecord,
  LabelRecord,
  RepoRecord,
  Role,
  UserRecord,
} from "./store/records.js";
export type { StoreChange } from "./store/store-change.js";
export { StoreError } from "./store/store-error.js";
export { type DeliveryRequest, deliveryRequest } from "./webhooks/delivery-request.js";
export type { HookDeliveries, HookDelivery, HookSettings } from "./webhooks/hook-deliveries.js";
export type { WebhookEvent } from "./webhooks/webhook-event.js";
