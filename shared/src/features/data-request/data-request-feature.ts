import type { ChatFeature } from '../../conversation/feature';
import type { DataRequestEffect } from './data-request-edge';
import { ACCESS_WORDS, accessRequest, type DataRequestState, dataRequestFlow } from './data-request-flow';

/** PDPA: "ข้อมูลของฉัน" answers at once; "ขอลบข้อมูล" asks for a deletion. */
export const dataRequestFeature: ChatFeature<DataRequestState, DataRequestEffect> = {
  flow: dataRequestFlow,
  startWords: ['ขอลบข้อมูล', 'ลบข้อมูลของฉัน'],
  instant: { words: ACCESS_WORDS, answer: accessRequest },
};
