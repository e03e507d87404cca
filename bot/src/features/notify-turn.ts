import type { NotifyEmployeeEffect } from '@phattana/shared';
import { resolveNotifications } from '../reports/report-turn-io';
import type { TurnFeature } from '../store/turn-feature';

/**
 * Pushes to other members of staff that any feature may ask for: their LINE accounts are read before
 * the turn writes anything, the pushes go out after the commit (people who left, never linked or
 * blocked the bot are skipped and logged).
 */
export const notifyTurn: TurnFeature<NotifyEmployeeEffect> = {
  id: 'notify',
  async prepare(effects, io) {
    const notices = await resolveNotifications(io.tx, effects, io.c);
    io.notifications.push(...notices.send);
    io.notificationsSkipped.push(...notices.skipped);
  },
  effects: { notifyEmployee: { write: () => undefined } },
};
