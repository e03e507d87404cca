import { useState } from 'preact/hooks';
import type { EthicsTrainingTable } from '../../../shared/src/ethics/ethics-training';
import type { ApiClient } from '../api-client';
import { type BroadcastView, confirmBroadcast, previewBroadcast } from '../hr-api';
import { percentText, thaiNumber } from '../thai-number';
import { messageOf } from './hr-form-parts';
import './hr-targets.css';

// Mandatory ethics training on the dashboard: per division and staff type, who has an entry in the
// ethics curriculum this fiscal year (from the maintained stats), and HR's reminder to everyone still
// without one, through the report reminders' broadcast (preview, confirm, sent once).

interface Props {
  readonly api: ApiClient;
  readonly fy: number;
  readonly table: EthicsTrainingTable;
}

export function EthicsTrainingSection({ api, fy, table }: Props) {
  return (
    <section aria-labelledby="ethics-heading" class="ethics-training">
      <h2 id="ethics-heading">การอบรมด้านคุณธรรมและจริยธรรม (ภาคบังคับทุกระดับ)</h2>
      <p class="hint" data-ethics-total>
        อบรมแล้ว {thaiNumber.format(table.trained)} จาก {thaiNumber.format(table.staff)} คน (
        {percentText(table.percent)}) · ยังไม่ได้อบรม {thaiNumber.format(table.missing)} คน
      </p>
      {table.rows.length === 0 ? null : (
        // folded: the dashboard stays short on a phone
        <details class="trend-details">
          <summary>ดูแยกตามหน่วยงานและประเภทบุคลากร</summary>
          <div class="table-scroll">
            <table class="summary-table">
              <caption class="visually-hidden">
                ผู้ที่อบรมด้านคุณธรรมและจริยธรรมแล้ว แยกตามหน่วยงานและประเภทบุคลากร
              </caption>
              <thead>
                <tr>
                  <th scope="col">หน่วยงาน</th>
                  {table.staffTypes.map((t) => (
                    <th key={t.id} scope="col">
                      {t.label}
                    </th>
                  ))}
                  <th scope="col">รวม</th>
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
                  <tr key={r.divisionId} data-division={r.divisionId}>
                    <th scope="row">{r.name}</th>
                    {r.cells.map((c) => (
                      <td
                        key={c.staffType}
                        class={c.staff > 0 && c.trained < c.staff ? 'ethics-missing' : undefined}
                      >
                        {c.staff === 0
                          ? '–'
                          : `${thaiNumber.format(c.trained)}/${thaiNumber.format(c.staff)}`}
                      </td>
                    ))}
                    <td>
                      {thaiNumber.format(r.trained)}/{thaiNumber.format(r.staff)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {table.missing > 0 ? <EthicsReminder api={api} fy={fy} /> : null}
    </section>
  );
}

type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'busy' }
  | { readonly kind: 'preview'; readonly view: BroadcastView }
  | { readonly kind: 'sent'; readonly view: BroadcastView }
  | { readonly kind: 'error'; readonly message: string };

/** Preview first (how many, who is left out and why, the message), then one confirm sends it once. */
function EthicsReminder({ api, fy }: { readonly api: ApiClient; readonly fy: number }) {
  const [step, setStep] = useState<Step>({ kind: 'idle' });
  const run = async (f: () => Promise<Step>) => {
    setStep({ kind: 'busy' });
    try {
      setStep(await f());
    } catch (err) {
      setStep({ kind: 'error', message: messageOf(err) });
    }
  };
  const preview = () =>
    run(async () => ({
      kind: 'preview',
      view: await previewBroadcast(api, { kind: 'noEthicsTraining', fiscalYear: fy }),
    }));
  return (
    <div class="ethics-reminder">
      {step.kind === 'preview' ? (
        <section class="hr-section" aria-label="ตัวอย่างการแจ้งเตือน">
          <p>
            จะส่งถึง {thaiNumber.format(step.view.recipientCount)} คน
            {step.view.excluded.length > 0
              ? ` · ส่งไม่ได้: ${step.view.excluded.map((e) => `${e.label} ${thaiNumber.format(e.count)} คน`).join(', ')}`
              : ''}
          </p>
          <p class="hint">{step.view.messageText}</p>
          <button
            type="button"
            class="button-primary"
            disabled={step.view.recipientCount === 0}
            onClick={() =>
              run(async () => ({ kind: 'sent', view: await confirmBroadcast(api, step.view.id) }))
            }
          >
            ยืนยันส่งแจ้งเตือน
          </button>
        </section>
      ) : (
        <button type="button" class="button" disabled={step.kind === 'busy'} onClick={preview}>
          {step.kind === 'busy' ? 'กำลังเตรียมรายชื่อ…' : 'แจ้งเตือนผู้ที่ยังไม่ได้อบรม'}
        </button>
      )}
      <p role="status" aria-live="polite">
        {step.kind === 'sent'
          ? `ส่งแจ้งเตือนแล้ว ${thaiNumber.format(step.view.recipientCount)} คน`
          : step.kind === 'error'
            ? step.message
            : ''}
      </p>
    </div>
  );
}
