import type { ChatFeature } from '../../conversation/feature';
import type { HrBroadcastEffect } from './hr-broadcast-edge';
import { type HrBroadcastState, hrBroadcastFlow } from './hr-broadcast-flow';

/** HR's "แจ้งเตือนผู้ค้างส่ง": preview, then one reminder to everyone still owing a report. */
export const hrBroadcastFeature: ChatFeature<HrBroadcastState, HrBroadcastEffect> = {
  flow: hrBroadcastFlow,
  startWords: ['แจ้งเตือนผู้ค้างส่ง', 'แจ้งเตือนผู้ค้างส่งรายงาน'],
};
