import { useState } from 'preact/hooks';
import {
  decideReport,
  failureMessage,
  loadTeam,
  loadWaitingReports,
  type TeamMemberRow,
  type TeamView,
  type WaitingReport,
} from '../development-api';
import { IDP_STATUS_TEXT, shortDate } from '../idp-goals';
import { useLoadMore } from '../load-more';
import type { PageProps } from '../page-props';
import { trainingDates } from '../report-labels';
import { Link } from '../router';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { ReportPhotos } from './report-photos';
import './development.css';

// ทีมของฉัน: the supervisor's people (the server decides who they are) with their IDP status, hours
// against the target and reports still owed, and the post-training reports waiting for this person's
// signature, approved or returned here exactly as from the chat's buttons.

interface TeamData {
  readonly team: TeamView;
  readonly waiting: readonly WaitingReport[];
}

export function TeamPage({ api }: PageProps) {
  const state = useAsync(async (): Promise<TeamData> => {
    const [team, waiting] = await Promise.all([loadTeam(api), loadWaitingReports(api)]);
    return { team, waiting: waiting.reports };
  });
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดข้อมูลทีม…" />;
  if (state.status === 'error')
    return (
      <ErrorState
        message={failureMessage(state.error, 'โหลดข้อมูลทีมไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วลองอีกครั้ง')}
        onRetry={state.retry}
      />
    );
  const { team, waiting } = state.value;
  return (
    <>
      <section aria-labelledby="waiting-head">
        <h2 id="waiting-head">รายงานผลการฝึกอบรมที่รอท่านพิจารณา ({waiting.length})</h2>
        {waiting.length === 0 ? (
          <p class="hint">ไม่มีรายงานที่รอท่านพิจารณา</p>
        ) : (
          waiting.map((r) => <WaitingReportCard key={r.id} api={api} report={r} />)
        )}
      </section>
      <TeamMembers key={team.nextCursor ?? ''} api={api} team={team} />
    </>
  );
}

/** The team's people, one page at a time: the first with the page, then "ดูเพิ่ม". */
function TeamMembers({ api, team }: { readonly api: PageProps['api']; readonly team: TeamView }) {
  const { items: members, button } = useLoadMore<TeamMemberRow>(
    { items: team.members, nextCursor: team.nextCursor },
    async (cursor) => {
      const next = await loadTeam(api, cursor);
      return { items: next.members, nextCursor: next.nextCursor };
    },
    (err) => failureMessage(err, 'โหลดรายชื่อเพิ่มไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่อแล้วกด "ดูเพิ่ม" อีกครั้ง'),
  );
  return (
    <section aria-labelledby="team-head">
      <h2 id="team-head">
        บุคลากรในทีม ปีงบประมาณ พ.ศ. {team.fiscalYear}
        {team.scope === 'chain' ? ' (ทั้งสายบังคับบัญชา)' : ''}
      </h2>
      {members.length === 0 && !button ? (
        <EmptyState title="ยังไม่มีบุคลากรในทีม">
          <p>รายชื่อมาจากผู้บังคับบัญชาในข้อมูลพนักงาน หากไม่ถูกต้องกรุณาแจ้งฝ่ายบุคคล</p>
        </EmptyState>
      ) : (
        <>
          {button || members.length > 20 ? (
            <p class="hint">
              แสดง {thaiNumber.format(members.length)} คน
              {button ? ' กด "ดูเพิ่ม" ท้ายรายการเพื่อดูคนถัดไป' : ' (ครบแล้ว)'}
            </p>
          ) : null}
          <ul class="record-list">
            {members.map((m) => (
              <li key={m.employeeId} class="record">
                <span class="record-title">{m.name}</span>
                <span class="record-meta">
                  {m.position ?? ''}
                  {!m.direct && m.supervisorName ? ` · ขึ้นกับ ${m.supervisorName}` : ''}
                </span>
                <span class="record-meta">
                  ชั่วโมงอบรม {thaiNumber.format(m.hours)}
                  {m.target ? ` / ${m.target} ชั่วโมง (ร้อยละ ${m.percent})` : ' ชั่วโมง'}
                </span>
                <span class="record-meta">
                  รายงานค้างส่ง {m.pendingReports}
                  {m.overdueReports > 0 ? (
                    <strong class="notice-error"> · เลยกำหนด {m.overdueReports}</strong>
                  ) : null}
                </span>
                <span class="record-meta">
                  แผนพัฒนา (IDP):{' '}
                  <span class={m.idp.waitingForMe ? 'badge badge-warn' : 'badge'}>
                    {m.idp.waitingForMe ? 'รอท่านเห็นชอบ' : IDP_STATUS_TEXT[m.idp.status]}
                  </span>
                </span>
                {m.idp.status === 'none' ? null : (
                  <Link href={`/team/${encodeURIComponent(m.employeeId)}/idp`} class="button">
                    {m.idp.waitingForMe ? `พิจารณาแผนของ ${m.name}` : `ดูแผนของ ${m.name}`}
                  </Link>
                )}
              </li>
            ))}
          </ul>
          {button}
        </>
      )}
    </section>
  );
}

type Outcome = { readonly kind: 'ok' | 'error'; readonly message: string } | null;

function WaitingReportCard({
  api,
  report: r,
}: {
  readonly api: PageProps['api'];
  readonly report: WaitingReport;
}) {
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [done, setDone] = useState(false);
  const headId = `report-${r.id}`;

  async function decide(decision: 'approve' | 'return') {
    setBusy(true);
    try {
      const res = await decideReport(api, r.id, decision, decision === 'return' ? comment : undefined);
      setOutcome({ kind: 'ok', message: res.message });
      setDone(true);
    } catch (err) {
      setOutcome({ kind: 'error', message: failureMessage(err, 'บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <article class="panel" aria-labelledby={headId}>
      <h3 id={headId}>
        {r.employeeName}: {r.trainingTitle}
      </h3>
      <p class="hint">
        อบรม {trainingDates(r.startDate, r.endDate)} · {thaiNumber.format(r.hours)} ชั่วโมง · กำหนดส่ง{' '}
        {shortDate(r.dueDate)}
        {r.late ? ' (ส่งช้า)' : ''} · ผู้พิจารณาลำดับที่ {r.step} จาก {r.steps}
      </p>
      <dl class="answers">
        <dt>ได้เรียนรู้</dt>
        <dd>{r.answers.learned ?? '-'}</dd>
        <dt>นำไปใช้</dt>
        <dd>{r.answers.application ?? '-'}</dd>
        <dt>แบ่งปันความรู้</dt>
        <dd>{[r.sharingName, r.answers.sharingDetail].filter(Boolean).join(': ') || '-'}</dd>
        <dt>ปัญหา/ข้อเสนอแนะ</dt>
        <dd>{r.answers.problems ?? '-'}</dd>
        <dt>ความเป็นประโยชน์</dt>
        <dd>{r.answers.rating ? `${r.answers.rating}/5` : '-'}</dd>
        <dt>รูปภาพแนบ</dt>
        <dd>
          <ReportPhotos api={api} reportId={r.id} photos={r.photos} />
        </dd>
      </dl>
      {done ? null : returning ? (
        <div class="comment-box">
          <label for={`${headId}-comment`}>สิ่งที่ต้องการให้แก้ไขหรือเพิ่มเติม (ผู้รายงานจะได้รับข้อความนี้)</label>
          <textarea
            id={`${headId}-comment`}
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
          />
          <div class="actions">
            <button type="button" class="button-primary" disabled={busy} onClick={() => decide('return')}>
              ยืนยันส่งกลับแก้ไข
            </button>
            <button type="button" class="button-secondary" onClick={() => setReturning(false)}>
              ยกเลิก
            </button>
          </div>
        </div>
      ) : (
        <div class="actions">
          <button type="button" class="button-primary" disabled={busy} onClick={() => decide('approve')}>
            {busy ? 'กำลังบันทึก…' : 'อนุมัติ'}
          </button>
          <button type="button" class="button-secondary" onClick={() => setReturning(true)}>
            ส่งกลับแก้ไข
          </button>
        </div>
      )}
      <div role={outcome?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {outcome ? <p class={`notice-${outcome.kind}`}>{outcome.message}</p> : null}
      </div>
    </article>
  );
}
