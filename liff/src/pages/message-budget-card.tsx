import type { MessageBudgetSummary } from '../../../shared/src/budget/budget-api-contract';
import type { HeldBackReason } from '../../../shared/src/budget/message-budget';
import type { ApiClient } from '../api-client';
import { thaiDateTime } from '../format-date';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import './message-budget-card.css';

// HR's card of this month's LINE messages (bot/src/api/message-budget-routes.ts): used / limit, the
// forecast from what is scheduled, what was held back and why. Executives see the dashboard without it
// (the API answers them 403, and the card stays away).

const REASON: Record<HeldBackReason, string> = {
  monthlyLimit: 'โควตาหมด',
  reservedForEssential: 'เก็บโควตาไว้ให้ข้อความสำคัญ',
};
const PURPOSE: Record<string, string> = {
  dailyDigest: 'สรุปงานประจำวัน',
  hrBroadcast: 'ข้อความเตือนจากฝ่ายบุคคล',
  push: 'แจ้งเตือน',
};
const n = (x: number) => thaiNumber.format(x);
const monthText = (m: string) =>
  new Intl.DateTimeFormat('th-TH', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${m}-01T00:00:00Z`),
  );

async function loadBudget(api: ApiClient): Promise<MessageBudgetSummary | null> {
  const res = await api.request('message-budget');
  if (res.status === 403) return null;
  if (!res.ok) throw new Error(`โหลดโควตาข้อความไม่สำเร็จ (${res.status})`);
  return (await res.json()) as MessageBudgetSummary;
}

export function MessageBudgetCard({ api }: { readonly api: ApiClient }) {
  const state = useAsync(() => loadBudget(api));
  if (state.status === 'loading' || (state.status === 'ready' && state.value === null)) return null;
  if (state.status === 'error')
    return (
      <section class="budget-card" aria-labelledby="budget-title">
        <h2 id="budget-title">ข้อความ LINE เดือนนี้</h2>
        <p>โหลดโควตาข้อความไม่สำเร็จ</p>
        <button type="button" onClick={state.retry}>
          ลองอีกครั้ง
        </button>
      </section>
    );
  const b = state.value as MessageBudgetSummary;
  const share = b.limit ? Math.min(100, Math.round((b.used / b.limit) * 100)) : null;
  return (
    <section
      class={`budget-card${b.closed || b.heldBack.total > 0 ? ' budget-alert' : ''}`}
      aria-labelledby="budget-title"
    >
      <h2 id="budget-title">ข้อความ LINE เดือน{monthText(b.month)}</h2>
      {b.closed || b.heldBack.total > 0 ? (
        <p class="budget-banner" role="alert">
          {b.closed ? 'โควตาข้อความของเดือนนี้หมดแล้ว' : 'โควตาข้อความเหลือน้อย'} ระบบงดส่งข้อความที่ไม่เร่งด่วน{' '}
          {n(b.heldBack.total)} รายการ และจะส่งต่อเองเมื่อขึ้นเดือนใหม่หรือเพิ่มแพ็กเกจ
        </p>
      ) : null}
      <p class="budget-used">
        ใช้ไป <strong>{n(b.used)}</strong>
        {b.limit === null ? ' ข้อความ (ไม่ได้ตั้งวงเงิน)' : ` จาก ${n(b.limit)} ข้อความ`}
      </p>
      {share !== null ? (
        <div class="budget-meter" role="img" aria-label={`ใช้ไปแล้วร้อยละ ${n(share)}`}>
          <span style={{ width: `${share}%` }} />
        </div>
      ) : null}
      <dl class="budget-figures">
        <div>
          <dt>คงเหลือ</dt>
          <dd>{b.remaining === null ? 'ไม่จำกัด' : `${n(b.remaining)} ข้อความ`}</dd>
        </div>
        <div>
          <dt>คาดว่าจะใช้ถึงสิ้นเดือน</dt>
          <dd>
            {n(b.forecast.projected)} ข้อความ (ตามกำหนดส่งอีก {n(b.forecast.scheduled)})
            {b.forecast.exceedsLimit ? <span class="budget-warning"> ⚠️ เกินโควตา</span> : null}
          </dd>
        </div>
        <div>
          <dt>งดส่ง</dt>
          <dd>
            {b.heldBack.total === 0
              ? 'ไม่มี'
              : Object.entries(b.heldBack.byReason)
                  .map(([r, c]) => `${REASON[r as HeldBackReason] ?? r} ${n(c ?? 0)} รายการ`)
                  .join(', ')}
          </dd>
        </div>
      </dl>
      {b.heldBack.recent.length > 0 ? (
        <ul class="budget-held">
          {b.heldBack.recent.map((h) => (
            <li key={`${h.at}-${h.purpose}`}>
              {thaiDateTime(h.at)} · {PURPOSE[h.purpose] ?? h.purpose} · {n(h.recipients)} คน ·{' '}
              {REASON[h.reason]}
            </li>
          ))}
        </ul>
      ) : null}
      {b.shares.length > 1 ? (
        <table class="budget-shares">
          <caption>แยกตามเทศบาล</caption>
          <tbody>
            {b.shares.map((s) => (
              <tr key={s.municipalityId}>
                <th scope="row">{s.name}</th>
                <td>{n(s.sent)} ข้อความ</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="budget-share-note">
          ส่งโดย{b.shares[0]?.name ?? 'เทศบาล'} {n(b.shares[0]?.sent ?? 0)} ข้อความ
        </p>
      )}
    </section>
  );
}
