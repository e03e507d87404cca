// Where a reminder broadcast is in its life: stored by the bot, shown to HR by the LIFF late list.

export type BroadcastStatus =
  /** HR chose the group; the recipient list is being prepared */
  | 'preparing'
  /** list and batches stored, preview shown (pushed in chat, answered in LIFF); waiting for HR's decision */
  | 'draft'
  /** HR confirmed (in chat or LIFF): a task will send it */
  | 'queued'
  /** a sender holds the lease until `leaseUntil` */
  | 'sending'
  /** some batches failed and will be retried by the next run */
  | 'partial'
  /** every batch accepted by LINE (or refused for good, see failedCount) */
  | 'sent'
  | 'cancelled';
