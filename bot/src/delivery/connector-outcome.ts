/**
 * What a connector's answer means for a message.
 * - `delivered`: the connector took it (2xx) and named the activity.
 * - `retry`: refused before it was processed (throttled, precondition, unavailable): send again later.
 * - `unknown`: it may or may not have been processed (a gateway error, a dropped connection, a timeout).
 *   The message must be confirmed before it is sent again, or it could arrive twice.
 * - `permanent`: it will never be accepted (bot blocked or uninstalled, conversation gone, bad request).
 */
export type SendOutcome =
  | { kind: 'delivered'; activityId: string }
  | { kind: 'retry'; reason: string; retryAfterMs: number | null }
  | { kind: 'unknown'; reason: string }
  | { kind: 'permanent'; reason: string };

/**
 * Maps a connector's HTTP status (and error code) onto an outcome. Teams documents 429 and 412 as
 * throttling and 502/503/504 as transient (docs/teams-bot-platform.md). A 503 comes from the front door
 * before the request is processed; 500, 502 and 504 come from behind it, so the message may have been
 * posted. A 403 `MessageWritesBlocked` means the user blocked or uninstalled the bot; 404 means the
 * conversation no longer exists. 401 is usually an expired or not-yet-valid token and is worth retrying.
 */
export function outcomeOfStatus(status: number, errorCode: string | null, retryAfterMs: number | null): SendOutcome {
  const reason = errorCode ? `http_${status}_${errorCode}` : `http_${status}`;
  if (status === 429 || status === 412 || status === 503 || status === 401)
    return { kind: 'retry', reason, retryAfterMs };
  if (status === 500 || status === 502 || status === 504) return { kind: 'unknown', reason };
  if (status === 403 && errorCode === 'MessageWritesBlocked')
    return { kind: 'permanent', reason: 'message_writes_blocked' };
  if (status === 404) return { kind: 'permanent', reason: 'conversation_not_found' };
  return { kind: 'permanent', reason };
}
