/**
 * Runs tasks with the same key one after another, in the order they were submitted; different keys run
 * in parallel. LINE may deliver one person's events in separate, concurrent requests: within this
 * instance they still take their turns in arrival order.
 */
export function createKeyedSerial() {
  const tails = new Map<string, Promise<unknown>>();
  return function run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}
