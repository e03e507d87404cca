import { useState } from 'preact/hooks';
import { downloadFailureText, downloadFile } from '../download-file';
import { type ImportReport, importEmployees } from '../hr-api';
import type { PageProps } from '../page-props';
import { Link } from '../router';
import { LiveStatus, messageOf, thaiNumber } from './hr-form-parts';
import { HrStaffList } from './hr-staff-list';

// HR uploads the staff list (CSV or .xlsx, Thai headers). The file is checked first and nothing is
// written; each bad row comes back with its line and every reason. Then the same file is imported:
// good rows are written, re-importing updates and never duplicates.

export function HrEmployeesPage({ api }: PageProps) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [busy, setBusy] = useState<'' | 'check' | 'apply'>('');
  const [error, setError] = useState('');
  const [template, setTemplate] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  async function fetchTemplate(format: 'csv' | 'xlsx') {
    setTemplate(null);
    try {
      const name = await downloadFile(
        api,
        `manage/employees/template/${format}`,
        `staff-import-template.${format}`,
      );
      setTemplate({ tone: 'ok', text: `ดาวน์โหลด ${name} แล้ว` });
    } catch (err) {
      setTemplate({ tone: 'error', text: downloadFailureText(err) });
    }
  }

  async function run(dryRun: boolean) {
    if (!file) {
      setError('กรุณาเลือกไฟล์รายชื่อพนักงานก่อน');
      return;
    }
    setBusy(dryRun ? 'check' : 'apply');
    setError('');
    try {
      setReport(await importEmployees(api, file, dryRun));
    } catch (err) {
      setReport(null);
      setError(messageOf(err));
    } finally {
      setBusy('');
    }
  }

  const toImport = report ? report.summary.created + report.summary.updated : 0;
  return (
    <>
      <section class="hr-section" aria-labelledby="template-title">
        <h2 id="template-title">แบบฟอร์มรายชื่อ</h2>
        <p class="hint">หัวตารางตรงกับที่ระบบอ่าน ไฟล์ Excel มีแผ่นงาน "คำอธิบาย" บอกสิ่งที่กรอกในแต่ละช่อง</p>
        <div class="hr-actions">
          <button type="button" class="hr-secondary" onClick={() => fetchTemplate('xlsx')}>
            ดาวน์โหลดแบบฟอร์ม Excel (XLSX)
          </button>
          <button type="button" class="hr-secondary" onClick={() => fetchTemplate('csv')}>
            ดาวน์โหลดแบบฟอร์ม CSV
          </button>
        </div>
        <LiveStatus tone={template?.tone ?? 'info'}>{template?.text}</LiveStatus>
      </section>
      <section class="hr-section" aria-labelledby="file-title">
        <h2 id="file-title">ไฟล์รายชื่อพนักงาน</h2>
        <form
          class="hr-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void run(true);
          }}
        >
          <div class="hr-field">
            <label for="staff-file">เลือกไฟล์ (.xlsx หรือ .csv)</label>
            <p id="staff-file-hint" class="hint">
              หัวตาราง เช่น รหัสพนักงาน, ชื่อ-สกุล, กอง/สำนัก, ตำแหน่ง, ประเภทบุคลากร, รหัสผู้บังคับบัญชา, บทบาท, สถานะ, วันเกิด
            </p>
            <input
              type="file"
              id="staff-file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby="staff-file-hint"
              onChange={(e) => {
                setFile(e.currentTarget.files?.[0] ?? null);
                setReport(null);
              }}
            />
          </div>
          <div class="hr-actions">
            <button type="submit" class="button-primary" disabled={busy !== ''}>
              {busy === 'check' ? 'กำลังตรวจสอบ…' : 'ตรวจสอบไฟล์ (ยังไม่บันทึก)'}
            </button>
            {report?.dryRun && !report.headerRejected && toImport > 0 ? (
              <button type="button" class="hr-secondary" disabled={busy !== ''} onClick={() => run(false)}>
                {busy === 'apply' ? 'กำลังนำเข้า…' : `นำเข้า ${thaiNumber(toImport)} คน`}
              </button>
            ) : null}
          </div>
          <LiveStatus tone={error ? 'error' : 'info'}>
            {error || (busy === 'check' ? 'กำลังตรวจสอบไฟล์…' : busy === 'apply' ? 'กำลังนำเข้า…' : '')}
          </LiveStatus>
        </form>
      </section>
      {report ? <ImportResult report={report} /> : null}
      {report && !report.dryRun && report.summary.created > 0 ? (
        <p>
          <Link href="/hr/invites">ออกรหัสเชิญให้ผู้ที่ยังไม่เชื่อม LINE</Link>
        </p>
      ) : null}
      {/* read again after an import, so the list shows what was just written */}
      <HrStaffList key={report && !report.dryRun ? report.written : -1} api={api} />
    </>
  );
}

function ImportResult({ report }: { readonly report: ImportReport }) {
  const s = report.summary;
  return (
    <section class="hr-section" aria-labelledby="result-title">
      <h2 id="result-title">{report.dryRun ? 'ผลการตรวจสอบ (ยังไม่ได้บันทึก)' : 'นำเข้าแล้ว'}</h2>
      <LiveStatus tone={report.errors.length > 0 ? 'info' : 'ok'}>
        {report.headerRejected
          ? 'ไม่ได้นำเข้าเลย เพราะหัวตารางไม่ครบ'
          : report.dryRun
            ? `เพิ่มใหม่ ${thaiNumber(s.created)} คน · แก้ไข ${thaiNumber(s.updated)} คน · ไม่เปลี่ยนแปลง ${thaiNumber(s.unchanged)} คน · นำเข้าไม่ได้ ${thaiNumber(s.failed)} แถว`
            : `บันทึกแล้ว ${thaiNumber(report.written)} รายการ (เพิ่มใหม่ ${thaiNumber(s.created)} · แก้ไข ${thaiNumber(s.updated)} · นำเข้าไม่ได้ ${thaiNumber(s.failed)})`}
      </LiveStatus>
      {report.errors.length > 0 ? (
        <table class="hr-table">
          <caption>แถวที่นำเข้าไม่ได้ (แก้ไขในไฟล์แล้วนำเข้าใหม่ทั้งไฟล์ได้ แถวที่ถูกต้องจะไม่ซ้ำ)</caption>
          <thead>
            <tr>
              <th scope="col">{report.where}</th>
              <th scope="col">รหัส</th>
              <th scope="col">เหตุผล</th>
            </tr>
          </thead>
          <tbody>
            {report.errors.map((e) => (
              <tr key={`${e.line}-${e.code ?? ''}`}>
                <th scope="row">{thaiNumber(e.line)}</th>
                <td>{e.code ?? '-'}</td>
                <td>
                  {e.reasons.map((r) => (
                    <span key={r} class="hr-meta">
                      {r}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
