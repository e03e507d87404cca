import type { FeatureTask } from '../features/registry';

/** A push to one person, rendered already; the kernel's own task. */
export interface PushTask {
  readonly type: 'push';
  readonly to: string;
  readonly messages: readonly unknown[];
  readonly retryKey: string;
  /** pushed to someone who did not just write (a notice): kept in quiet hours, sent at the opening hour */
  readonly notice?: true;
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

/**
 * Cloud Tasks' retry policy for the lineTasks queue. functions/ declares it on the trigger and the local
 * queue follows it, so what the tests prove about retries holds in production.
 */
export const TASK_RETRY = {
  maxAttempts: 5,
  minBackoffSeconds: 10,
  maxBackoffSeconds: 3600,
  /** Cloud Tasks' default: the wait doubles this many times, then grows linearly */
  maxDoublings: 16,
} as const;

/** The wait before attempt `attempt + 1` after `attempt` failed (1-based), as Cloud Tasks computes it. */
export function taskBackoffSeconds(attempt: number, policy: typeof TASK_RETRY = TASK_RETRY): number {
  const { minBackoffSeconds: min, maxBackoffSeconds: max, maxDoublings } = policy;
  const doublings = Math.min(attempt - 1, maxDoublings);
  const linear = Math.max(0, attempt - 1 - maxDoublings);
  const wait = min * 2 ** doublings + linear * min * 2 ** maxDoublings;
  return Math.min(wait, max);
}

export interface InProcessQueueOptions {
  /** 1 = Cloud Tasks' real waits (npm start); tests shrink them (0.01 turns 10 s into 100 ms) */
  backoffScale?: number;
  /** each failed attempt that will be retried */
  onRetry?: (err: unknown, task: Task, attempt: number) => void;
}

/**
 * The local stand-in for Cloud Tasks: runs each task after the caller has moved on, and a task that
 * throws is run again with the same backoff and attempt limit as production; `onError` hears of a task
 * only when its last attempt failed.
 */
export function createInProcessTaskQueue(
  run: (task: Task) => Promise<void>,
  onError: (err: unknown, task: Task) => void,
  o: InProcessQueueOptions = {},
) {
  const scale = o.backoffScale ?? 1;
  const pending = new Set<Promise<void>>();
  const waits = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  let closed = false;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const w = {
        timer: setTimeout(() => {
          waits.delete(w);
          resolve();
        }, ms),
        wake: resolve,
      };
      waits.add(w);
    });
  const attempt = async (task: Task) => {
    for (let n = 1; ; n++) {
      try {
        await run(task);
        return;
      } catch (err) {
        if (n >= TASK_RETRY.maxAttempts || closed) throw err;
        o.onRetry?.(err, task, n);
        await wait(taskBackoffSeconds(n) * 1000 * scale);
      }
    }
  };
  const queue: TaskQueue = {
    async enqueue(task) {
      const p = Promise.resolve()
        .then(() => attempt(task))
        .catch((err) => onError(err, task))
        .finally(() => pending.delete(p));
      pending.add(p);
    },
  };
  /** resolves when every task enqueued so far has finished, retries included (tests, shutdown) */
  const drain = async () => {
    while (pending.size > 0) await Promise.all([...pending]);
  };
  /** shutting down: waiting retries run once more now instead of after their backoff, then give up */
  const close = async () => {
    closed = true;
    for (const w of waits) {
      clearTimeout(w.timer);
      w.wake();
    }
    waits.clear();
    await drain();
  };
  return { queue, drain, close };
}
