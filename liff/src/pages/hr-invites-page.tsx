import { useState } from 'preact/hooks';
import { formatInviteCode } from '../../../shared/src/people/invite-code';
import { ConfirmBox } from '../confirm-box';
import { type InviteRequest, issueInvites, loadInviteRoster, type RosterPerson } from '../hr-api';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import { LiveStatus, messageOf, shortDate, thaiNumber } from './hr-form-parts';

// HR hands out the one-time codes people link LINE with: for one person, a division, or everyone not
// yet linked, then prints a sheet of codes per division. A new code makes the person's older unused one
// stop working, which the confirmation says before a wide reissue.

type Scope = 'person' | 'division' | 'unlinked';

export function HrInvitesPage({ api }: PageProps) {
  const state = useAsync(() => loadInviteRoster(api));
  const [scope, setScope] = useState<Scope>('unlinked');
  const [personId, setPersonId] = useState('');
  const [divisionId, setDivisionId] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const [issued, setIssued] = useState<RosterPerson[]>([]);

  if (state.status === 'loading') return <LoadingState label="กำลังโหลดรายชื่อ…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const { people, divisions } = state.value;
  const unlinked = people.filter((p) => !p.linked);
  const divisionName = (id: string | null) => divisions.find((d) => d.id === id)?.name ?? 'ไม่ระบุกอง';
  const targets =
    scope === 'person'
      ? unlinked.filter((p) => p.id === personId)
      : scope === 'division'
        ? unlinked.filter((p) => p.divisionId === divisionId)
        : unlinked;
  const request: InviteRequest | null =
    scope === 'person'
      ? personId
        ? { employeeId: personId }
        : null
      : scope === 'division'
        ? divisionId
          ? { divisionId }
          : null
        : { unlinked: true };
  const replacing = targets.filter((p) => p.invite).length;

  async function issue(body: InviteRequest) {
    setBusy(true);
    setStatus(null);
    try {
      const r = await issueInvites(api, body);
      setIssued(r.issued);
      setStatus({
        tone: 'ok',
        text:
          r.issued.length > 0
            ? `ออกรหัสเชิญแล้ว ${thaiNumber(r.issued.length)} คน รหัสเดิมที่ยังไม่ได้ใช้ของคนเหล่านี้ใช้ไม่ได้แล้ว`
            : 'ไม่มีผู้ที่ต้องออกรหัส (ทุกคนในกลุ่มนี้เชื่อม LINE แล้ว)',
      });
      state.retry();
    } catch (err) {
      setStatus({ tone: 'error', text: messageOf(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <p class="lead">
        ยังไม่เชื่อม LINE {thaiNumber(unlinked.length)} จาก {thaiNumber(people.length)} คน · มีรหัสที่ยังใช้ได้{' '}
        {thaiNumber(unlinked.filter((p) => p.invite).length)} คน
      </p>
      <LiveStatus tone={status?.tone ?? 'info'}>{status?.text}</LiveStatus>
      <section class="hr-section" aria-labelledby="issue-title">
        <h2 id="issue-title">ออกรหัสเชิญ</h2>
        <form
          class="hr-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (!request) {
              setStatus({ tone: 'error', text: scope === 'person' ? 'กรุณาเลือกพนักงาน' : 'กรุณาเลือกกอง/สำนัก' });
              return;
            }
            setConfirming(true);
          }}
        >
          <fieldset class="hr-field">
            <legend>ออกให้</legend>
            {(
              [
                ['unlinked', 'ทุกคนที่ยังไม่เชื่อม LINE'],
                ['division', 'ทั้งกอง/สำนัก (เฉพาะผู้ที่ยังไม่เชื่อม LINE)'],
                ['person', 'ทีละคน'],
              ] as const
            ).map(([value, label]) => (
              <label key={value} class="hr-choice">
                <input
                  type="radio"
                  name="invite-scope"
                  value={value}
                  checked={scope === value}
                  onChange={() => {
                    setScope(value);
                    setConfirming(false);
                  }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          {scope === 'division' ? (
            <div class="hr-field">
              <label for="invite-division">กอง/สำนัก</label>
              <select
                id="invite-division"
                value={divisionId}
                onChange={(e) => {
                  setDivisionId(e.currentTarget.value);
                  setConfirming(false);
                }}
              >
                <option value="">เลือกกอง/สำนัก</option>
                {divisions.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {scope === 'person' ? (
            <div class="hr-field">
              <label for="invite-person">พนักงาน (ที่ยังไม่เชื่อม LINE)</label>
              <select
                id="invite-person"
                value={personId}
                onChange={(e) => {
                  setPersonId(e.currentTarget.value);
                  setConfirming(false);
                }}
              >
                <option value="">เลือกพนักงาน</option>
                {unlinked.map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.code} {p.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          {confirming && request ? (
            <ConfirmBox
              id="invite-confirm"
              text={`ออกรหัสเชิญใหม่ให้ ${thaiNumber(targets.length)} คน${
                replacing > 0
                  ? ` รหัสเดิมที่ยังไม่ได้ใช้ของ ${thaiNumber(replacing)} คนจะใช้ไม่ได้อีก (ใบที่พิมพ์ไว้ต้องพิมพ์ใหม่)`
                  : ''
              }`}
              confirmLabel={`ยืนยันออกรหัส ${thaiNumber(targets.length)} คน`}
              danger={replacing > 0}
              busy={busy}
              onConfirm={() => {
                setConfirming(false);
                void issue(request);
              }}
              onCancel={() => setConfirming(false)}
            />
          ) : (
            <div class="hr-actions">
              <button type="submit" class="button-primary" disabled={busy}>
                {busy ? 'กำลังออกรหัส…' : 'ออกรหัสเชิญ'}
              </button>
            </div>
          )}
        </form>
        {issued.length > 0 ? (
          <table class="hr-table">
            <caption>รหัสที่เพิ่งออก</caption>
            <thead>
              <tr>
                <th scope="col">ชื่อ</th>
                <th scope="col">รหัสเชิญ</th>
              </tr>
            </thead>
            <tbody>
              {issued.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    {p.name}
                    <span class="hr-meta">{p.code}</span>
                  </th>
                  <td class="invite-code">{p.invite ? formatInviteCode(p.invite.code) : '-'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
      </section>
      <section class="hr-section" aria-labelledby="print-title">
        <h2 id="print-title">พิมพ์ใบรหัสเชิญ</h2>
        <p class="hint">แต่ละกองหนึ่งหน้า เฉพาะผู้ที่ยังไม่เชื่อม LINE และมีรหัสที่ยังใช้ได้</p>
        <ul class="invite-print-links">
          <li>
            <Link href="/hr/invites/print/all">ทุกกอง</Link>
          </li>
          {divisions.map((d) => (
            <li key={d.id}>
              <Link href={`/hr/invites/print/${encodeURIComponent(d.id)}`}>{d.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section class="hr-section" aria-labelledby="roster-title">
        <h2 id="roster-title">รายชื่อและสถานะ</h2>
        <ul class="hr-list">
          {people.map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>{' '}
              <span class="hr-meta">{`${p.code} · ${divisionName(p.divisionId)}`}</span>
              <span class="hr-meta">
                {p.linked
                  ? 'เชื่อม LINE แล้ว'
                  : p.invite
                    ? `รหัส ${formatInviteCode(p.invite.code)} ใช้ได้ถึง ${shortDate(p.invite.expiresAt)}`
                    : 'ยังไม่มีรหัสที่ใช้ได้'}
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
