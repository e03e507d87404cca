import type { ChatFeature } from '../../conversation/feature';
import type { ExternalTrainingEffect } from './external-training-edge';
import { type ExternalTrainingState, externalTrainingFlow } from './external-training-flow';

/** "แจ้งอบรมภายนอก": a training attended outside the plan, for HR to verify. */
export const externalTrainingFeature: ChatFeature<ExternalTrainingState, ExternalTrainingEffect> = {
  flow: externalTrainingFlow,
  startWords: ['แจ้งอบรมภายนอก', 'แจ้งผลการอบรมภายนอก', 'แจ้งอบรม'],
  menuLine: 'แจ้งอบรมภายนอก: บันทึกการอบรมที่ไปมา ให้ฝ่ายบุคคลตรวจสอบ',
};
