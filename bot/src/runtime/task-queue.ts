import type { BroadcastTask } from '../broadcast/broadcast-tasks';
import type { SurveyTask } from '../surveys/survey-tasks';

/** Work that must not hold up LINE's 2-second webhook answer. */
export type Task =
  | {
      readonly type: 'push';
      readonly to: string;
      readonly messages: readonly unknown[];
      readonly retryKey: string;
    }
  /** copy a report photo from LINE (content expires) to storage; the bot's municipality when omitted */
  | {
      readonly type: 'storeReportPhoto';
      readonly municipalityId?: string;
      readonly reportId: string;
      readonly messageId: string;
    }
  /** prepare an HR reminder broadcast's recipients and preview, or send a confirmed one */
  | BroadcastTask
  /** copy a survey photo to storage; invite a survey's audience now */
  | SurveyTask;

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
