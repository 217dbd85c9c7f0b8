/**
 * The hidden marker of the app's reply to one command comment: a redelivered command, or a retry
 * after an error, finds the reply instead of posting it again.
 */
export function replyMarker(commentId: number): string {
  return `<!-- disruption-reports:reply:${commentId} -->`;
}
