import type { ChatFeature } from '../../conversation/feature';
import type { ReportEffect, ReportFacts, ReportLookup } from '../../reports/report-edge';
import { type TrainingReportState, trainingReportFlow } from './training-report-flow';

/** "รายงานผลการอบรม": filing the post-training report, one question at a time. */
export const trainingReportFeature: ChatFeature<
  TrainingReportState,
  ReportEffect,
  ReportLookup,
  ReportFacts
> = {
  flow: trainingReportFlow,
  startWords: ['รายงานผลการอบรม', 'รายงานผลการฝึกอบรม'],
  menuLine: 'รายงานผลการอบรม: ส่งรายงานภายใน 7 วันทำการหลังกลับจากการอบรม',
};
