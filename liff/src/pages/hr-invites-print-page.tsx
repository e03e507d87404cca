import { formatInviteCode } from '../../../shared/src/people/invite-code';
import { loadInviteRoster } from '../hr-api';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import { messageOf, shortDate, thaiNumber } from './hr-form-parts';

// A printable sheet of invite codes: one page per division, one cut-out slip per person who has a
// working code and has not linked LINE yet, with how to use it. The app's header and buttons are not
// printed (print styles in hr-admin.css).

export function HrInvitesPrintPage({ api, params }: PageProps) {
  const state = useAsync(() => loadInviteRoster(api));
  const only = params.division === 'all' ? undefined : params.division;
  if (state.status === 'loading') return <LoadingState label="กำลังเตรียมใบรหัสเชิญ…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  const { people, divisions } = state.value;
  const groups = [...divisions, { id: '', name: 'ไม่ระบุกอง' }]
    .filter((d) => !only || d.id === only)
    .map((d) => ({
      division: d,
      people: people.filter((p) => !p.linked && p.invite && (p.divisionId ?? '') === d.id),
    }))
    .filter((g) => g.people.length > 0);
  return (
    <div class="invite-sheet">
      <div class="hr-actions no-print">
        <button type="button" class="button-primary" onClick={() => window.print()}>
          พิมพ์
        </button>
        <Link href="/hr/invites">กลับไปหน้ารหัสเชิญ</Link>
      </div>
      {groups.length === 0 ? (
        <EmptyState title="ไม่มีรหัสเชิญที่ยังใช้ได้ในกลุ่มนี้">
          <p>ออกรหัสเชิญก่อนจากหน้ารหัสเชิญ</p>
        </EmptyState>
      ) : (
        groups.map((g) => (
          <section
            key={g.division.id}
            class="invite-page"
            aria-labelledby={`sheet-${g.division.id || 'none'}`}
          >
            <h2 id={`sheet-${g.division.id || 'none'}`}>
              {g.division.name} ({thaiNumber(g.people.length)} คน)
            </h2>
            <ul class="invite-slips">
              {g.people.map((p) => (
                <li key={p.id} class="invite-slip">
                  <strong>{p.name}</strong>
                  <span>รหัสพนักงาน {p.code}</span>
                  <span class="invite-code">{formatInviteCode(p.invite?.code ?? '')}</span>
                  <span>ใช้ได้ถึง {shortDate(p.invite?.expiresAt ?? '')}</span>
                  <span class="invite-how">
                    เพิ่มเพื่อนบัญชี LINE ของเทศบาล กด "ลงทะเบียน" เลือก "ใช้รหัสเชิญ" แล้วพิมพ์รหัสนี้ (ใช้ได้ครั้งเดียว)
                  </span>
                </li>
              ))}
            </ul>
          </section>
        ))
      )}
    </div>
  );
}
