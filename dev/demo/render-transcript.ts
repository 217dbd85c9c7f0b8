import type { Step } from "./scenario.js";
import type { Delivery } from "./start-harness.js";

/** A short, readable account of the demo: what happened, and which API calls the app made. */
export function renderTranscript(steps: readonly Step[]): string {
  const lines: string[] = [];
  steps.forEach((step, index) => {
    lines.push("", `${index + 1}. ${step.title}`);
    for (const delivery of step.deliveries) lines.push(...describeDelivery(delivery));
    for (const outcome of step.outcome) lines.push(`   ✓ ${outcome}`);
  });
  const deliveries = steps.flatMap((step) => step.deliveries);
  const calls = deliveries.reduce((sum, delivery) => sum + delivery.calls.length, 0);
  lines.push("", `${deliveries.length} webhook deliveries, ${calls} API calls by the app in all.`);
  return lines.join("\n");
}

function describeDelivery(delivery: Delivery): string[] {
  const payload = delivery.event.payload as {
    sender?: { login?: string };
    label?: { name?: string };
  };
  const label = payload.label?.name ? ` "${payload.label.name}"` : "";
  const head = `   → ${delivery.event.event}${label} from ${payload.sender?.login ?? "?"}`;
  const status = delivery.status === 200 ? "" : ` (HTTP ${delivery.status})`;
  if (delivery.calls.length === 0) return [`${head}: no API call${status}`];
  return [
    `${head}: ${delivery.calls.length} API call${delivery.calls.length === 1 ? "" : "s"}${status}`,
    ...delivery.calls.map(
      (call) =>
        `       ${call.status} ${call.method} ${decodeURIComponent(call.path)}${operationSuffix(call.operation)}`,
    ),
  ];
}

function operationSuffix(operation: string | null | undefined): string {
  return operation?.startsWith("graphql") ? `  (${operation})` : "";
}
