import { useState } from 'preact/hooks';
import {
  DevelopmentApiError,
  decideMemberIdp,
  failureMessage,
  type IdpView,
  loadMemberIdp,
} from '../development-api';
import { IDP_STATUS_TEXT, IdpGoalsReadOnly } from '../idp-goals';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import './development.css';

// A team member's IDP, for their supervisor: read it, then agree (with an optional note) or return it
// with what to change. The server checks the member is really in this person's team and that the plan
// waits for them; a decision on a plan that changed meanwhile is refused and the latest is shown.

export function TeamIdpPage({ api, params }: PageProps) {
  const employeeId = params.employeeId ?? '';
  const state = useAsync(() => loadMemberIdp(api, employeeId));
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดแผนพัฒนา…" />;
  if (state.status === 'error') {
    const final = state.error instanceof DevelopmentApiError && [403, 404].includes(state.error.status);
    return (
      <ErrorState
        message={failureMessage(state.error, 'โหลดแผนพัฒนาไม่สำเร็จ กรุณาลองอีกครั้ง')}
        onRetry={final ? undefined : state.retry}
      />
    );
  }
  return <Review api={api} employeeId={employeeId} initial={state.value} />;
}

function Review(props: {
  readonly api: PageProps['api'];
  readonly employeeId: string;
  readonly initial: IdpView;
}) {
  const [view, setView] = useState(props.initial);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; message: string } | null>(null);
  const [commentError, setCommentError] = useState<string | undefined>(undefined);
  const plan = view.plan;

  async function decide(decision: 'agree' | 'return') {
    setBusy(true);
    setCommentError(undefined);
    try {
      const next = await decideMemberIdp(props.api, props.employeeId, decision, {
        fiscalYear: plan.fiscalYear,
        version: plan.version,
        ...(comment.trim() ? { comment } : {}),
      });
      setView(next);
      setNotice({
        kind: 'ok',
        message:
          decision === 'agree'
            ? `เห็นชอบแผนพัฒนาของ ${plan.employeeName} แล้ว ✅`
            : `ส่งแผนพัฒนาของ ${plan.employeeName} กลับไปแก้ไขแล้ว พร้อมความเห็นของท่าน`,
      });
    } catch (err) {
      if (err instanceof DevelopmentApiError) {
        const body = err.body as { current?: IdpView; errors?: { comment?: string } };
        if (body.current) setView(body.current);
        if (body.errors?.comment) setCommentError(body.errors.comment);
      }
      setNotice({ kind: 'error', message: failureMessage(err, 'บันทึกไม่สำเร็จ กรุณาลองอีกครั้ง') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <section class="panel" aria-labelledby="member-idp">
        <h2 id="member-idp">
          แผนพัฒนาของ {plan.employeeName} ปีงบประมาณ พ.ศ. {plan.fiscalYear}
        </h2>
        <p>
          สถานะ: <span class="badge">{IDP_STATUS_TEXT[plan.status]}</span>
        </p>
        {plan.supervisorComment ? <p class="hint">ความเห็นล่าสุด: {plan.supervisorComment}</p> : null}
      </section>
      <IdpGoalsReadOnly view={view} />
      {view.canDecide ? (
        <div class="comment-box panel">
          <label for="idp-comment">ความเห็นของท่าน (จำเป็นเมื่อส่งกลับแก้ไข)</label>
          <textarea
            id="idp-comment"
            rows={3}
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
            aria-invalid={commentError ? 'true' : undefined}
            aria-describedby={commentError ? 'idp-comment-error' : undefined}
          />
          {commentError ? (
            <p id="idp-comment-error" class="field-error">
              {commentError}
            </p>
          ) : null}
          <div class="actions">
            <button type="button" class="button-primary" disabled={busy} onClick={() => decide('agree')}>
              เห็นชอบแผน
            </button>
            <button type="button" class="button-secondary" disabled={busy} onClick={() => decide('return')}>
              ส่งกลับแก้ไข
            </button>
          </div>
        </div>
      ) : plan.status === 'submitted' ? (
        <p class="hint">แผนนี้รอความเห็นชอบจากหัวหน้าโดยตรงของ {plan.employeeName}</p>
      ) : null}
      <div role={notice?.kind === 'error' ? 'alert' : 'status'} aria-live="polite">
        {notice ? <p class={`notice-${notice.kind}`}>{notice.message}</p> : null}
      </div>
      <p>
        <Link href="/team">กลับไปที่ทีมของฉัน</Link>
      </p>
    </>
  );
}
