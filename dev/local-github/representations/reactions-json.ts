import type { LocalStore } from "../store/local-store.js";
import { REACTION_CONTENTS, type ReactionRecord } from "../store/records.js";
import { nodeId, type Urls } from "./urls.js";
import { userJson } from "./user-json.js";

/** A `reaction-rollup`: how many of each reaction (an issue's are not modelled: none). */
export function reactionsJson(
  url: string,
  reactions: readonly ReactionRecord[] = [],
): Record<string, unknown> {
  const counts = Object.fromEntries(
    REACTION_CONTENTS.map((content) => [
      content,
      reactions.filter((reaction) => reaction.content === content).length,
    ]),
  );
  return { url: `${url}/reactions`, total_count: reactions.length, ...counts };
}

/** A reaction as GitHub's `reaction`. */
export function reactionJson(
  reaction: ReactionRecord,
  store: LocalStore,
  urls: Urls,
): Record<string, unknown> {
  const user = store.user(reaction.user);
  return {
    id: reaction.id,
    node_id: nodeId("REA", reaction.id),
    user: user ? userJson(user, urls) : null,
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
