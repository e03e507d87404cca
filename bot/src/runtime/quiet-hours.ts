// The quiet-hours rule lives in shared (the HR broadcast preview says when a message will go out);
// the bot's jobs import it from here.
export {
  bangkokHour,
  DEFAULT_QUIET_HOURS,
  isQuietHour,
  nextSendingTime,
  type QuietHours,
} from '@phattana/shared';
