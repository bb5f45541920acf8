import { randomUUID } from 'node:crypto';
import { GraphHttpError } from '../graph/context.ts';

const FAILED = 'Subscription validation request failed.';

/**
 * The notificationUrl handshake (docs/reference/graph-calendar.md §4): POST `{url}?validationToken=…` as text/plain and
 * expect 200, `text/plain`, body = the decoded token, within `timeoutMs`. Graph's token is opaque
 * text with spaces and colons, so an app that forgets to URL-decode it fails here as it would there.
 */
export async function validateEndpoint(fetchImpl: typeof fetch, url: string, timeoutMs: number): Promise<void> {
  const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
  let response: Response;
  let body: string;
  try {
    response = await fetchImpl(withValidationToken(url, token), {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
      body: '',
      signal: AbortSignal.timeout(timeoutMs),
    });
    body = await response.text();
  } catch (error) {
    if (isTimeout(error)) throw new GraphHttpError(400, 'InvalidRequest', 'Subscription validation request timed out.');
    throw new GraphHttpError(
      400,
      'ValidationError',
      `${FAILED} Notification endpoint must respond with 200 OK to validation request.`,
    );
  }
  checkValidationResponse(response, body, token);
}

function checkValidationResponse(response: Response, body: string, token: string): void {
  if (response.status !== 200) {
    throw new GraphHttpError(
      400,
      'ValidationError',
      `${FAILED} Notification endpoint must respond with 200 OK to validation request.`,
    );
  }
  const contentType = response.headers.get('content-type') ?? '';
  if (!contentType.toLowerCase().startsWith('text/plain')) {
    throw new GraphHttpError(400, 'ValidationError', `${FAILED} Response must have Content-Type text/plain.`);
  }
  if (body !== token) {
    throw new GraphHttpError(
      400,
      'ValidationError',
      `${FAILED} Response must exactly match validationToken query parameter.`,
    );
  }
}

/** Query-string parameters already on the URL are kept, as Graph keeps them on delivery. */
export function withValidationToken(url: string, token: string): string {
  const target = new URL(url);
  target.searchParams.append('validationToken', token);
  return target.toString();
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}
