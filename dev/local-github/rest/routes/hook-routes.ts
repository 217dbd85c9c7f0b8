import { hookDeliveryJson } from "../../representations/hook-delivery-json.js";
import { notFound } from "../../store/store-error.js";
import { HttpError } from "../http-error.js";
import { pageParams } from "../paginate.js";
import type { Route } from "../route.js";

/** A cursor names the attempt a page starts from (GitHub's are opaque; these read `v1_42`). */
function readCursor(cursor: string | null): number | null {
  if (cursor === null) return null;
  const match = /^v1_(\d+)$/.exec(cursor);
  if (!match) throw new HttpError(400, "Invalid cursor");
  return Number(match[1]);
}

/**
 * The App's webhook deliveries (JWT): the attempts, newest first, paginated with a cursor and
 * filtered by outcome (`status=success|failure`), and a redelivery of one of them.
 */
export const HOOK_ROUTES: Route[] = [
  {
    method: "GET",
    path: "/app/hook/deliveries",
    auth: "app",
    handle: ({ hooks, query, urls }) => {
      const status = query.get("status");
      if (status !== null && status !== "success" && status !== "failure")
        throw new HttpError(422, "Invalid status: use success or failure");
      const { perPage } = pageParams(query);
      const start = readCursor(query.get("cursor"));
      const all = [...hooks.attempts]
        .reverse()
        .filter((record) => status === null || (record.status === "OK") === (status === "success"));
      const from = start === null ? 0 : all.findIndex((record) => record.id <= start);
      const page = from < 0 ? [] : all.slice(from, from + perPage);
      const next = from < 0 ? undefined : all[from + perPage];
      const headers: Record<string, string> = {};
      if (next) {
        const params = new URLSearchParams(query);
        params.set("cursor", `v1_${next.id}`);
        headers.link = `<${urls.api}/app/hook/deliveries?${params.toString()}>; rel="next"`;
      }
      return { status: 200, body: page.map(hookDeliveryJson), headers };
    },
  },
  {
    method: "POST",
    path: "/app/hook/deliveries/{delivery_id}/attempts",
    auth: "app",
    handle: ({ hooks, params }) => {
      const sent = hooks.redeliver(Number(params.delivery_id));
      if (!sent) throw notFound();
      // GitHub answers at once and delivers afterwards; the outcome shows in the list.
      sent.catch(() => {});
      return { status: 202, body: {} };
    },
  },
];
