/**
 * POSTs one batch of notifications. Graph counts anything but a 2xx within the client timeout
 * (3 s, docs/reference/graph-calendar.md §4) as a failure to retry; the response body is never read for meaning.
 */
export async function postNotifications(
  fetchImpl: typeof fetch,
  url: string,
  value: readonly Record<string, unknown>[],
  timeoutMs: number,
): Promise<boolean> {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await fetchImpl(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify({ value }),
      signal,
    });
    // Reading the body under the same signal keeps a slow trickling reply inside the timeout.
    await response.arrayBuffer();
    return response.status >= 200 && response.status < 300;
  } catch {
    return false;
  }
}
