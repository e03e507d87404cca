import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  type BroadcastFilter,
  type BroadcastView,
  cancelBroadcast,
  confirmBroadcast,
  type LateList,
  type LatePerson,
  loadBroadcast,
  loadLateList,
  previewBroadcast,
} from '../hr-api';
import type { PageProps } from '../page-props';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import { SendingNotesRow } from './broadcast-sending-notes';
import { LiveStatus, messageOf, shortDate, thaiDateTime, thaiNumber } from './hr-form-parts';

// HR's late list with the one-tap reminder: who is late with their post-training report (and by how
// many working days), who is due soon, then a group → the server's preview (count, who is left out and
// why, the message) → confirm → delivery status until everything is sent. The server freezes the
// recipients at the preview and sends each person once, whatever is tapped twice.

type Group = 'overdue' | 'division' | 'dueWithin' | 'people';

const STATUS_LABELS: Record<BroadcastView['status'], string> = {
  preparing: 'กำลังเตรียมรายชื่อ',
  draft: 'รอการยืนยัน',
  queued: 'อยู่ในคิว รอส่ง',
  sending: 'กำลังส่ง',
  partial: 'ส่งได้บางส่วน ระบบจะลองส่งส่วนที่เหลืออีกครั้ง โดยไม่ส่งซ้ำคนที่ได้รับแล้ว',
  sent: 'ส่งครบแล้ว',
  cancelled: 'ยกเลิกแล้ว ไม่มีการส่งข้อความ',
};

const WITHIN_CHOICES = [1, 3, 5, 7, 10];

export function HrLatePage({ api }: PageProps) {
  const [within, setWithin] = useState(3);
  const state = useAsync(() => loadLateList(api, within));
  const [broadcast, setBroadcast] = useState<BroadcastView | null>(null);

  if (broadcast)
    return (
      <BroadcastPanel
        api={api}
        initial={broadcast}
        onDone={() => {
          setBroadcast(null);
          state.retry();
        }}
      />
    );
  if (state.status === 'loading') return <LoadingState label="กำลังโหลดรายชื่อผู้ค้างส่ง…" />;
  if (state.status === 'error') return <ErrorState message={messageOf(state.error)} onRetry={state.retry} />;
  return (
    <LateChooser
      api={api}
      list={state.value}
      within={within}
      onWithin={(n) => {
        setWithin(n);
        state.retry();
      }}
      onPreview={setBroadcast}
    />
  );
}

interface ChooserProps {
  readonly api: PageProps['api'];
  readonly list: LateList;
  readonly within: number;
  readonly onWithin: (n: number) => void;
  readonly onPreview: (b: BroadcastView) => void;
}

function LateChooser({ api, list: first, within, onWithin, onPreview }: ChooserProps) {
  // the pages loaded after the first with "ดูเพิ่ม"; a new first page (another window) starts over
  const [more, setMore] = useState<readonly LateList[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState('');
  useEffect(() => {
    setMore([]);
    setMoreError('');
  }, [first]);
  const list: LateList = {
    ...first,
    late: [...first.late, ...more.flatMap((p) => p.late)],
    dueSoon: [...first.dueSoon, ...more.flatMap((p) => p.dueSoon)],
    nextCursor: more.length > 0 ? (more[more.length - 1]?.nextCursor ?? null) : first.nextCursor,
  };
  async function loadMore() {
    setLoadingMore(true);
    setMoreError('');
    try {
      const page = await loadLateList(api, within, list.nextCursor);
      setMore([...more, page]);
    } catch (err) {
      setMoreError(messageOf(err));
    } finally {
      setLoadingMore(false);
    }
  }
  const moreButton = list.nextCursor ? (
    <div class="hr-actions">
      <button type="button" class="hr-secondary" disabled={loadingMore} onClick={loadMore}>
        {loadingMore ? 'กำลังโหลด…' : 'ดูเพิ่ม'}
      </button>
      <span class="hr-meta">
        แสดงแล้ว {thaiNumber(list.late.length + list.dueSoon.length)} จาก{' '}
        {thaiNumber(list.lateCount + list.dueSoonCount)} คน
      </span>
      <LiveStatus tone="error">{moreError}</LiveStatus>
    </div>
  ) : null;
  const lateComplete = list.late.length >= list.lateCount;
  const [group, setGroup] = useState<Group>('overdue');
  const [divisionId, setDivisionId] = useState(list.divisions[0]?.id ?? '');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const toggle = (id: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
    if (on) setGroup('people');
  };

  const filter = (): BroadcastFilter | string => {
    switch (group) {
      case 'overdue':
        return { kind: 'overdue' };
      case 'dueWithin':
        return { kind: 'dueWithin', workingDays: within };
      case 'division':
        return divisionId ? { kind: 'division', divisionId } : 'กรุณาเลือกกอง';
      case 'people':
        return selected.size > 0
          ? { kind: 'people', employeeIds: [...selected] }
          : 'กรุณาเลือกผู้รับอย่างน้อย 1 คนจากรายชื่อ';
    }
  };

  async function preview(event: Event) {
    event.preventDefault();
    const f = filter();
    if (typeof f === 'string') {
      setError(f);
      return;
    }
    setBusy(true);
    setError('');
    try {
      onPreview(await previewBroadcast(api, f));
    } catch (err) {
      setError(messageOf(err));
      setBusy(false);
    }
  }

  const nobody = list.lateCount === 0 && list.dueSoonCount === 0;
  return (
    <>
      <p class="lead">ข้อมูลวันที่ {shortDate(list.today)} · นับเฉพาะวันทำการ (ไม่นับเสาร์ อาทิตย์ และวันหยุดราชการ)</p>
      <section class="hr-section" aria-labelledby="late-title">
        <h2 id="late-title">เลยกำหนดส่ง ({thaiNumber(list.lateCount)} คน)</h2>
        {list.lateCount === 0 ? (
          <p>ไม่มีผู้ที่เลยกำหนดส่งรายงานผลการฝึกอบรม</p>
        ) : (
          <PeopleList people={list.late} selected={selected} onToggle={toggle} />
        )}
        {lateComplete ? null : moreButton}
      </section>
      <section class="hr-section" aria-labelledby="soon-title">
        <h2 id="soon-title">
          ใกล้ครบกำหนด ภายใน {thaiNumber(within)} วันทำการ ({thaiNumber(list.dueSoonCount)} คน)
        </h2>
        <div class="hr-field">
          <label for="within">ดูล่วงหน้า (วันทำการ)</label>
          <select
            id="within"
            value={String(within)}
            onChange={(e) => onWithin(Number(e.currentTarget.value))}
          >
            {WITHIN_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {thaiNumber(n)} วันทำการ
              </option>
            ))}
          </select>
        </div>
        {list.dueSoonCount === 0 ? (
          <p>ไม่มีผู้ที่ครบกำหนดส่งในช่วงนี้</p>
        ) : list.dueSoon.length === 0 ? (
          <p>กด "ดูเพิ่ม" ในรายชื่อผู้ที่เลยกำหนดส่งเพื่อดูต่อ</p>
        ) : (
          <PeopleList people={list.dueSoon} selected={selected} onToggle={toggle} />
        )}
        {lateComplete ? moreButton : null}
      </section>
      {nobody ? (
        <EmptyState title="ไม่มีผู้ค้างส่ง">
          <p>ทุกคนส่งรายงานผลการฝึกอบรมตามกำหนดแล้ว</p>
        </EmptyState>
      ) : (
        <section class="hr-section" aria-labelledby="send-title">
          <h2 id="send-title">ส่งแจ้งเตือน</h2>
          <form class="hr-form" onSubmit={preview} noValidate>
            <fieldset class="hr-field">
              <legend>ส่งถึงกลุ่มใด</legend>
              <Radio group={group} value="overdue" onChange={setGroup}>
                เฉพาะผู้ที่เลยกำหนดส่ง
              </Radio>
              <Radio group={group} value="dueWithin" onChange={setGroup}>
                ผู้ที่ครบกำหนดภายใน {thaiNumber(within)} วันทำการ
              </Radio>
              <Radio group={group} value="division" onChange={setGroup}>
                ผู้ค้างส่งในกองที่เลือก
              </Radio>
              {group === 'division' ? (
                <div class="hr-field">
                  <label for="division">กอง/สำนัก</label>
                  <select
                    id="division"
                    value={divisionId}
                    onChange={(e) => setDivisionId(e.currentTarget.value)}
                  >
                    {list.divisions.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.name}
                      </option>
                    ))}
                  </select>
                </div>
              ) : null}
              <Radio group={group} value="people" onChange={setGroup}>
                เฉพาะคนที่เลือกในรายชื่อ ({thaiNumber(selected.size)} คน)
              </Radio>
            </fieldset>
            <p class="hint">
              ระบบจะแสดงจำนวนผู้รับ ผู้ที่ส่งไม่ได้พร้อมเหตุผล และข้อความ ให้ตรวจก่อน ยังไม่มีการส่งจนกว่าจะกดยืนยัน
            </p>
            <div class="hr-actions">
              <button type="submit" class="button-primary" disabled={busy}>
                {busy ? 'กำลังเตรียมรายชื่อ…' : 'ดูตัวอย่างก่อนส่ง'}
              </button>
            </div>
            <LiveStatus tone={error ? 'error' : 'info'}>
              {error || (busy ? 'กำลังเตรียมรายชื่อ…' : '')}
            </LiveStatus>
          </form>
        </section>
      )}
    </>
  );
}

function Radio(props: {
  readonly group: Group;
  readonly value: Group;
  readonly onChange: (g: Group) => void;
  readonly children: ComponentChildren;
}) {
  return (
    <label class="hr-choice">
      <input
        type="radio"
        name="group"
        value={props.value}
        checked={props.group === props.value}
        onChange={() => props.onChange(props.value)}
      />
      <span>{props.children}</span>
    </label>
  );
}

function PeopleList(props: {
  readonly people: readonly LatePerson[];
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (id: string, on: boolean) => void;
}) {
  return (
    <ul class="hr-list">
      {props.people.map((p) => {
        const id = `pick-${p.employeeId}`;
        return (
          <li key={p.employeeId}>
            <div class="hr-person">
              <input
                type="checkbox"
                id={id}
                checked={props.selected.has(p.employeeId)}
                onChange={(e) => props.onToggle(p.employeeId, e.currentTarget.checked)}
                aria-describedby={`${id}-info`}
              />
              <div>
                <label for={id}>
                  <strong>{p.name || p.employeeId}</strong>
                </label>{' '}
                {p.workingDaysLate > 0 ? (
                  <span class="hr-badge hr-badge-late">เลย {thaiNumber(p.workingDaysLate)} วันทำการ</span>
                ) : (
                  <span class="hr-badge">ครบกำหนด {shortDate(p.earliestDue)}</span>
                )}
                <span id={`${id}-info`} class="hr-meta">
                  {p.divisionName ?? p.divisionId ?? 'ไม่ระบุกอง'}
                  {p.reach.reachable ? '' : ` · ส่ง LINE ไม่ได้: ${p.reach.label}`}
                  {p.reports.map((r) => (
                    <span key={r.id} class="hr-meta">
                      • {r.trainingTitle} (กำหนดส่ง {shortDate(r.dueDate)}
                      {r.status === 'returned' ? ' · ถูกส่งกลับให้แก้ไข' : ''})
                    </span>
                  ))}
                </span>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

const FINISHED: ReadonlySet<BroadcastView['status']> = new Set(['sent', 'cancelled']);

function BroadcastPanel(props: {
  readonly api: PageProps['api'];
  readonly initial: BroadcastView;
  readonly onDone: () => void;
}) {
  const { api } = props;
  const [b, setB] = useState(props.initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  // follow the delivery until it is over; a partial one is retried by the server, so keep looking
  useEffect(() => {
    if (b.status === 'draft' || FINISHED.has(b.status)) return;
    const timer = setTimeout(
      () => {
        loadBroadcast(api, b.id).then(setB, (err) => setError(messageOf(err)));
      },
      b.status === 'partial' ? 5000 : 1000,
    );
    return () => clearTimeout(timer);
  }, [b]);

  async function act(run: () => Promise<BroadcastView>) {
    setBusy(true);
    setError('');
    try {
      setB(await run());
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  const more = b.recipientCount - b.sampleNames.length;
  return (
    <>
      <section class="hr-section hr-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{b.status === 'draft' ? 'ตรวจสอบก่อนส่งแจ้งเตือน' : 'การแจ้งเตือนผู้ค้างส่ง'}</h2>
        <dl>
          <div>
            <dt>กลุ่ม</dt>
            <dd>{b.filterLabel}</dd>
          </div>
          {b.problem ? (
            <div>
              <dt>หมายเหตุ</dt>
              <dd>{b.problem}</dd>
            </div>
          ) : null}
          <div>
            <dt>จำนวนผู้รับ</dt>
            <dd>
              {b.recipientCount > 0
                ? `จะส่งถึง ${thaiNumber(b.recipientCount)} คน (คนละ 1 ข้อความ)`
                : 'ไม่มีผู้ที่ส่งแจ้งเตือนได้ในกลุ่มนี้'}
            </dd>
          </div>
          {b.sampleNames.length > 0 ? (
            <div>
              <dt>ผู้รับ</dt>
              <dd>
                {b.sampleNames.join(', ')}
                {more > 0 ? ` และอีก ${thaiNumber(more)} คน` : ''}
              </dd>
            </div>
          ) : null}
          {b.excluded.length > 0 || b.notOwing > 0 ? (
            <div>
              <dt>ไม่ส่ง</dt>
              <dd>
                <ul>
                  {b.excluded.map((x) => (
                    <li key={x.reason}>
                      {x.label} {thaiNumber(x.count)} คน
                    </li>
                  ))}
                  {b.notOwing > 0 ? <li>ไม่มีรายงานค้างส่ง {thaiNumber(b.notOwing)} คน</li> : null}
                </ul>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>ข้อความ</dt>
            <dd>{b.messageText}</dd>
          </div>
          {b.sending && b.recipientCount > 0 && b.status === 'draft' ? (
            <SendingNotesRow notes={b.sending} />
          ) : null}
          {b.sending?.sendsAt && b.status === 'queued' ? (
            <div>
              <dt>การส่ง</dt>
              <dd class="sending-later">รอส่งเวลา {b.sending.sendsAt} น.</dd>
            </div>
          ) : null}
        </dl>
        {b.status === 'draft' ? (
          <div class="hr-actions">
            {b.recipientCount > 0 ? (
              <button
                type="button"
                class="button-primary"
                disabled={busy}
                onClick={() => act(() => confirmBroadcast(api, b.id))}
              >
                {busy ? 'กำลังส่ง…' : `ยืนยันส่ง ${thaiNumber(b.recipientCount)} คน`}
              </button>
            ) : null}
            <button
              type="button"
              class="hr-secondary"
              disabled={busy}
              onClick={() => act(() => cancelBroadcast(api, b.id))}
            >
              ยกเลิก
            </button>
          </div>
        ) : null}
      </section>
      <section class="hr-section" aria-labelledby="status-title">
        <h2 id="status-title">สถานะการส่ง</h2>
        <LiveStatus tone={b.status === 'sent' ? 'ok' : 'info'}>
          {STATUS_LABELS[b.status]}
          {b.status === 'sent' && b.delivery ? ` ส่งถึง ${thaiNumber(b.delivery.sent)} คน` : ''}
        </LiveStatus>
        {b.delivery ? (
          <div class="hr-counts">
            <div>
              <strong>{thaiNumber(b.delivery.queued)}</strong>รอส่ง
            </div>
            <div>
              <strong>{thaiNumber(b.delivery.sending)}</strong>กำลังส่ง
            </div>
            <div>
              <strong>{thaiNumber(b.delivery.sent)}</strong>ส่งแล้ว
            </div>
            <div>
              <strong>{thaiNumber(b.delivery.failed)}</strong>ไม่สำเร็จ
            </div>
          </div>
        ) : null}
        {b.failures.length > 0 ? (
          <ul>
            {b.failures.map((f) => (
              <li key={f.batch}>
                ชุดที่ {thaiNumber(f.batch + 1)} ({thaiNumber(f.people)} คน): {f.error}
              </li>
            ))}
          </ul>
        ) : null}
        <p class="hr-meta">
          ขอส่งโดย {b.requestedBy.name}
          {b.requestedAt ? ` เมื่อ ${thaiDateTime(b.requestedAt)}` : ''}
          {b.confirmedBy ? ` · ยืนยันโดย ${b.confirmedBy.name}` : ''}
          {b.confirmedAt ? ` เมื่อ ${thaiDateTime(b.confirmedAt)}` : ''}
        </p>
        <LiveStatus tone="error">{error}</LiveStatus>
        {b.status !== 'draft' ? (
          <div class="hr-actions">
            <button type="button" class="hr-secondary" onClick={props.onDone}>
              กลับไปที่รายชื่อผู้ค้างส่ง
            </button>
          </div>
        ) : null}
      </section>
    </>
  );
}
