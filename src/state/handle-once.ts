import type { SharedState } from "./shared-state.js";

/**
 * How long a claim holds without renewal: a replica that dies mid-delivery frees the delivery for
 * a redelivery this many seconds later. The claim is renewed every third of it while handling runs.
 */
const CLAIM_SECONDS = 15;

/** How long a handled delivery is remembered: GitHub keeps deliveries for redelivery three days. */
const HANDLED_SECONDS = 3 * 24 * 60 * 60;

/** Another replica is handling this delivery right now: the answer is a failure, caught up later. */
class DeliveryInProgress extends Error {
  override name = "DeliveryInProgress";
  constructor(readonly deliveryId: string) {
    super(
      `delivery ${deliveryId} is being handled by another replica; it is redelivered by the catch-up if that handling fails`,
    );
  }
}

/**
 * Handles a delivery once across replicas and restarts: claims its id before any write, marks it
 * handled when `handle` succeeds, and gives the claim up when it fails so a redelivery can run.
 * A redelivery of a handled delivery (GitHub keeps the `X-GitHub-Delivery` id) does nothing.
 *
 * @returns true when `handle` ran, false for a delivery handled before.
 */
export async function handleOnce(
  state: SharedState,
  deliveryId: string,
  handle: () => Promise<void>,
): Promise<boolean> {
  if (!(await state.claimDelivery(deliveryId, CLAIM_SECONDS))) {
    if (await state.isDeliveryHandled(deliveryId)) return false;
    throw new DeliveryInProgress(deliveryId);
  }
  const renew = setInterval(
    () => {
      state.extendDelivery(deliveryId, CLAIM_SECONDS).catch(() => {
        // A lost renewal only shortens the claim; the handling goes on.
      });
    },
    (CLAIM_SECONDS / 3) * 1000,
  );
  renew.unref();
  try {
    await handle();
  } catch (error) {
    clearInterval(renew);
    await state.releaseDelivery(deliveryId).catch(() => {
      // The claim then expires by itself.
    });
    throw error;
  }
  clearInterval(renew);
  await state.completeDelivery(deliveryId, HANDLED_SECONDS);
  return true;
}
