/**
 * A closed-loop load generator: `concurrency` workers each send one request after another until
 * `requests` have been sent. Bounded in count, loopback only, stops by itself.
 */
export async function runLoad(options: {
  requests: number;
  concurrency: number;
  send: (index: number) => Promise<void>;
}): Promise<{ seconds: number; perSecond: number; failures: number }> {
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < options.requests; index = next++) {
      try {
        await options.send(index);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: options.requests / seconds, failures };
}
