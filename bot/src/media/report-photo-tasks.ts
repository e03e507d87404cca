import type { Effect } from '@phattana/shared';
import type { Task } from '../runtime/task-queue';

/** The copy-to-storage tasks a turn's `reportPhotoReceived` effects ask for (run after the commit). */
export function reportPhotoTasks(effects: readonly Effect[]): Task[] {
  return effects.flatMap((x) =>
    x.type === 'reportPhotoReceived'
      ? [{ type: 'storeReportPhoto', reportId: x.reportId, messageId: x.messageId } as const]
      : [],
  );
}
