import type { FeatureTask } from '../features/registry';

/** A push to one person, rendered already; the kernel's own task. */
export interface PushTask {
  readonly type: 'push';
  readonly to: string;
  readonly messages: readonly unknown[];
  readonly retryKey: string;
}

/** Work that must not hold up LINE's 2-second webhook answer: pushes, and what the features queue. */
export type Task = PushTask | FeatureTask;

/**
 * The port for slow work. In Cloud Functions this is a Cloud Tasks queue (functions/ wires it);
 * locally and in tests it runs in-process after the webhook has answered.
 */
export interface TaskQueue {
  enqueue(task: Task): Promise<void>;
}

export function createInProcessTaskQueue(
  run: (task: Task) => Promise<void>,
  onError: (err: unknown, task: Task) => void,
) {
  const pending = new Set<Promise<void>>();
  const queue: TaskQueue = {
    async enqueue(task) {
      const p = Promise.resolve()
        .then(() => run(task))
        .catch((err) => onError(err, task))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
  };
  /** resolves when every task enqueued so far has finished (tests, graceful shutdown) */
  const drain = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  return { queue, drain };
}
