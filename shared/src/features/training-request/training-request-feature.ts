import type { ChatFeature } from '../../conversation/feature';
import type { ReportFacts, ReportLookup } from '../../reports/report-edge';
import type { RequestEffect, RequestFacts, RequestLookup } from '../../requests/request-edge';
import { REQUEST_WORD, type TrainingRequestState, trainingRequestFlow } from './training-request-flow';

/** "ขอไปอบรม": typed, from the rich menu, or the LIFF page's twin. */
export const trainingRequestFeature: ChatFeature<
  TrainingRequestState,
  RequestEffect,
  RequestLookup | Extract<ReportLookup, { type: 'approvalChain' }>,
  RequestFacts & Pick<ReportFacts, 'approvalChain'>
> = {
  flow: trainingRequestFlow,
  startWords: [REQUEST_WORD, 'ขออนุมัติไปอบรม', 'ขอไปอบรมสัมมนา'],
  menuLine: `${REQUEST_WORD}: ขออนุมัติไปอบรมจากหลักสูตรของฝ่ายบุคคลหรือหลักสูตรภายนอก ส่งผู้บังคับบัญชาพิจารณา`,
};
