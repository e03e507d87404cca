import { useState } from 'preact/hooks';
import { trailDate } from '../../../shared/src/archive/audit-trail';
import { fiscalYearOfInstant } from '../../../shared/src/calendar/fiscal-year';
import { downloadFailureText, downloadFile } from '../download-file';
import { thaiDateTime } from '../format-date';
import { archiveQuery, libraryMessage, loadArchive } from '../library-api';
import type { PageProps } from '../page-props';
import { EmptyState, ErrorState, LoadingState } from '../status-views';
import { useAsync } from '../use-async';
import './library.css';

// The audit archive for LPA assessors (HR): one person's or a whole fiscal year's trail — report,
// approvals with dates, sharing and reads, the meeting it was presented at — as a page that prints
// (the browser's "save as PDF") and as one XLSX download.

export function HrArchivePage({ api }: PageProps) {
  const thisFy = fiscalYearOfInstant(new Date());
  const [form, setForm] = useState({ fy: String(thisFy), employee: '' });
  const [scope, setScope] = useState(form);
  const state = useAsync(() => loadArchive(api, scope));
  const [download, setDownload] = useState('');

  const show = (event: Event) => {
    event.preventDefault();
    setScope(form);
    state.retry();
  };
  const xlsx = async () => {
    setDownload('กำลังเตรียมไฟล์…');
    try {
      const name = await downloadFile(
        api,
        `archive/export.xlsx?${archiveQuery(scope)}`,
        'phattana-archive.xlsx',
      );
      setDownload(`ดาวน์โหลด ${name} แล้ว`);
    } catch (err) {
      setDownload(downloadFailureText(err));
    }
  };

  return (
    <div class="archive">
      <form class="archive-filters no-print" onSubmit={show} aria-label="เลือกขอบเขตหลักฐาน">
        <label for="archive-fy">ปีงบประมาณ (พ.ศ.)</label>
        <input
          id="archive-fy"
          inputMode="numeric"
          value={form.fy}
          onInput={(e) => setForm({ ...form, fy: e.currentTarget.value.trim() })}
        />
        <label for="archive-employee">รหัสพนักงาน (เว้นว่าง = ทุกคน)</label>
        <input
          id="archive-employee"
          value={form.employee}
          onInput={(e) => setForm({ ...form, employee: e.currentTarget.value.trim() })}
        />
        <button type="submit" class="button-primary">
          แสดงหลักฐาน
        </button>
      </form>
      <div class="hr-actions no-print">
        <button type="button" class="button-primary" onClick={xlsx}>
          ดาวน์โหลด XLSX
        </button>
        <button type="button" class="button-primary" onClick={() => window.print()}>
          พิมพ์ / บันทึกเป็น PDF
        </button>
      </div>
      <p role="status" aria-live="polite" class="no-print">
        {download}
      </p>
      {state.status === 'loading' ? (
        <LoadingState label="กำลังรวบรวมหลักฐาน…" />
      ) : state.status === 'error' ? (
        <ErrorState message={libraryMessage(state.error)} onRetry={state.retry} />
      ) : (
        <>
          <h2>{state.value.title}</h2>
          <p class="hint">จัดทำเมื่อ {thaiDateTime(state.value.generatedAt)}</p>
          {state.value.missingProviders.length > 0 ? (
            <p class="hint">ยังไม่มีข้อมูลส่วน: {state.value.missingProviders.join(', ')} (ระบบยังไม่ได้บันทึกส่วนนี้)</p>
          ) : null}
          {state.value.sections.length === 0 ? (
            <EmptyState title="ไม่พบหลักฐานในขอบเขตนี้" />
          ) : (
            state.value.sections.map((s, i) => (
              <section key={`${s.kind}-${s.employeeId}-${i}`} class="archive-section" aria-label={s.subject}>
                <h3>
                  {s.employeeName}: {s.kindLabel} "{s.subject}"
                </h3>
                <div class="archive-scroll">
                  <table class="archive-table">
                    <thead>
                      <tr>
                        <th scope="col">วันที่</th>
                        <th scope="col">ขั้นตอน</th>
                        <th scope="col">ผู้ดำเนินการ</th>
                        <th scope="col">รายละเอียด</th>
                      </tr>
                    </thead>
                    <tbody>
                      {[...s.rows]
                        .sort((a, b) => a.date.localeCompare(b.date))
                        .map((r, k) => (
                          <tr key={k}>
                            <td>{trailDate(r.date)}</td>
                            <td>{r.step}</td>
                            <td>{r.actor}</td>
                            <td>{r.detail}</td>
                          </tr>
                        ))}
                    </tbody>
                  </table>
                </div>
              </section>
            ))
          )}
        </>
      )}
    </div>
  );
}
