import type {
  ReportEffect as AnyReportEffect,
  CreditPrior,
  NotifyEmployeeEffect,
  ReportFacts,
  ReportLookup,
  TrainingReport,
} from '@phattana/shared';
import type { ReportPhotoTask } from '../media/report-photo-tasks';
import { storeReportPhoto } from '../media/store-report-photo';
import { staffRecords } from '../people/staff-record-repository';
import { reportRecords } from '../reports/report-repository';
import { applyReportEffect, resolveReportLookup } from '../reports/report-turn-io';
import { readCreditPriors } from '../stats/credit-prior';
import type { ReadIo, TurnFeature, WriteIo } from '../store/turn-feature';
import { taskCollections, taskSender } from './task-senders';

// Post-training reports at the edge, for both report features (filing one, reviewing one): the
// report is read in the turn so chat and LIFF edits serialise, credits read the person's totals
// first, and photos are copied to storage after the commit.

/** the report effects proper; pushes to other people are notifyTurn's */
type ReportEffect = Exclude<AnyReportEffect, NotifyEmployeeEffect>;

interface Read {
  /** reports read in this turn, by id: only these may be written */
  readonly reports: Map<string, TrainingReport>;
  /** what each `hoursCredited` effect's credit read first, by ledger entry id */
  credits?: ReadonlyMap<string, CreditPrior>;
}

const lookup =
  <K extends ReportLookup['type']>() =>
  async (l: Extract<ReportLookup, { type: K }>, io: ReadIo<Read>) => {
    const facts: { -readonly [F in keyof ReportFacts]: ReportFacts[F] } = {};
    const read = await resolveReportLookup(io.tx, l, io.person, io.c, facts);
    if (read) io.scratch.reports.set(read.id, read);
    return facts[l.type as K] as ReportFacts[K];
  };

const write = (effect: ReportEffect, io: WriteIo<Read>) =>
  applyReportEffect(effect, io.w, io.c, io.now, io.scratch.reports, io.scratch.credits);

export const reportTurn: TurnFeature<ReportEffect, ReportLookup, ReportFacts, ReportPhotoTask, Read> = {
  id: 'reports',
  scratch: () => ({ reports: new Map() }),
  lookups: {
    report: lookup<'report'>(),
    myOpenReports: lookup<'myOpenReports'>(),
    approvalChain: lookup<'approvalChain'>(),
  },
  async prepare(effects, io) {
    // what each credit adds to the dashboard stats depends on the person's totals so far
    io.scratch.credits = await readCreditPriors(io.tx, effects, io.c);
  },
  effects: {
    reportSaved: { write },
    hoursCredited: { write },
    // carried out after the commit (a task copies the image; pushes go out)
    reportPhotoReceived: { write },
  },
  tasksFor: (x) =>
    x.type === 'reportPhotoReceived'
      ? [{ type: 'storeReportPhoto', reportId: x.reportId, messageId: x.messageId }]
      : [],
  tasks: {
    async storeReportPhoto(task, io) {
      if (!io.media) throw new Error('storeReportPhoto: no media store configured');
      const c = taskCollections(io, task.municipalityId);
      // a refused photo is explained to the person once (the once-only sender keys it)
      const notify = io.signer && {
        staff: staffRecords(c),
        sender: taskSender(io, io.signer, c.notifications),
      };
      const outcome = await storeReportPhoto(
        { report: reportRecords(c).ref(task.reportId), media: io.media, line: io.line, notify },
        task.messageId,
      );
      io.logger.info('report_photo.done', { reportId: task.reportId, messageId: task.messageId, outcome });
    },
  },
};
