import type { HookDelivery } from "../webhooks/hook-deliveries.js";

/** A delivery attempt as `GET /app/hook/deliveries` answers it (GitHub's `hook-delivery-item`). */
export function hookDeliveryJson(record: HookDelivery): Record<string, unknown> {
  const payload = record.event.payload as {
    installation?: { id?: number };
    repository?: { id?: number };
  };
  return {
    id: record.id,
    guid: record.guid,
    delivered_at: record.deliveredAt,
    redelivery: record.redelivery,
    duration: record.duration,
    status: record.status,
    status_code: record.statusCode,
    event: record.event.name,
    action: record.event.action,
    installation_id: payload.installation?.id ?? null,
    repository_id: payload.repository?.id ?? null,
    throttled_at: null,
  };
}
