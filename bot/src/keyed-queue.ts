/**
 * Runs tasks one after another per key. The Agents Playground (and Teams) deliver `installationUpdate`
 * and `conversationUpdate` for one install at the same moment, as two concurrent requests; handling
 * them in turn is what lets the second one see that the first already greeted.
 */
export class KeyedQueue {
  readonly #tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.#tails.set(key, tail);
    void tail.then(() => {
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    });
    return result;
  }
}
