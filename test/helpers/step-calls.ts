import type { Step } from "../../dev/demo/scenario.js";

/** `METHOD path` of each API call the app made while handling a step's deliveries. */
export function calls(step: Step | undefined): string[] {
  return (step?.deliveries ?? []).flatMap((delivery) =>
    delivery.calls.map((call) => `${call.method} ${decodeURIComponent(call.path)}`),
  );
}
