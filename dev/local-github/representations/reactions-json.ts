/** An empty `reaction-rollup` (the local GitHub has no reactions). */
export function reactionsJson(url: string): Record<string, unknown> {
  return {
    url: `${url}/reactions`,
    total_count: 0,
    "+1": 0,
    "-1": 0,
    laugh: 0,
    hooray: 0,
    confused: 0,
    heart: 0,
    rocket: 0,
    eyes: 0,
  };
}
