import { describe, expect, it } from 'vitest';
import {
  createInProcessTaskQueue,
  TASK_RETRY,
  type Task,
  taskBackoffSeconds,
} from '../src/runtime/task-queue';

const task: Task = { type: 'storeReportPhoto', reportId: 'R1', messageId: '1' };

describe('in-process task queue: Cloud Tasks semantics', () => {
  it('waits as Cloud Tasks does: doubling from the minimum, capped at the maximum', () => {
    expect([1, 2, 3, 4].map((n) => taskBackoffSeconds(n))).toEqual([10, 20, 40, 80]);
    expect(taskBackoffSeconds(30)).toBe(TASK_RETRY.maxBackoffSeconds);
  });

  it('retries a failing task with growing waits and succeeds on a later attempt', async () => {
    const at: number[] = [];
    const failures: unknown[] = [];
    const q = createInProcessTaskQueue(
      async () => {
        at.push(performance.now());
        if (at.length < 3) throw new Error('LINE 503');
      },
      (err) => failures.push(err),
      { backoffScale: 0.002 },
    );
    await q.queue.enqueue(task);
    await q.drain();
    expect(at).toHaveLength(3);
    expect(failures).toEqual([]);
    // 20 ms then 40 ms (10 s and 20 s scaled)
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(18);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(38);
  });

  it('gives up after the declared attempts and reports the task once', async () => {
    let runs = 0;
    const retries: number[] = [];
    const failures: Task[] = [];
    const q = createInProcessTaskQueue(
      async () => {
        runs++;
        throw new Error('still down');
      },
      (_err, t) => failures.push(t),
      { backoffScale: 0.0001, onRetry: (_e, _t, n) => retries.push(n) },
    );
    await q.queue.enqueue(task);
    await q.drain();
    expect(runs).toBe(TASK_RETRY.maxAttempts);
    expect(retries).toEqual([1, 2, 3, 4]);
    expect(failures).toEqual([task]);
  });

  it('on shutdown runs a waiting retry at once instead of after its backoff', async () => {
    let runs = 0;
    const q = createInProcessTaskQueue(
      async () => {
        runs++;
        throw new Error('down');
      },
      () => undefined,
      { backoffScale: 1 },
    );
    await q.queue.enqueue(task);
    await new Promise((r) => setTimeout(r, 20));
    const t0 = performance.now();
    await q.close();
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(runs).toBe(2);
  });
});
