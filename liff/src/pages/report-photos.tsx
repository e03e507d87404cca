import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../api-client';
import { DevelopmentApiError, loadReportPhotoUrl, type WaitingReport } from '../development-api';

// The photos and certificate attached to a report, for the approver deciding on it: thumbnails, each
// opening at full width on a tap (a certificate must be readable). Fetched with the ID token.

export function ReportPhotos({
  api,
  reportId,
  photos,
}: {
  readonly api: ApiClient;
  readonly reportId: string;
  readonly photos: WaitingReport['photos'];
}) {
  if (photos.length === 0) return <>ไม่มี</>;
  return (
    <ul class="report-photos">
      {photos.map((p, i) => (
        <li key={p.messageId}>
          {p.stored ? (
            <Photo api={api} reportId={reportId} messageId={p.messageId} n={i + 1} />
          ) : (
            <p class="hint">รูปที่ {i + 1}: ระบบไม่ได้เก็บรูปนี้ (ยังบันทึกไม่เสร็จ ไฟล์ไม่ใช่รูป หรือใหญ่เกิน)</p>
          )}
        </li>
      ))}
    </ul>
  );
}

function Photo({
  api,
  reportId,
  messageId,
  n,
}: {
  readonly api: ApiClient;
  readonly reportId: string;
  readonly messageId: string;
  readonly n: number;
}) {
  const [state, setState] = useState<{ url: string } | { error: string } | null>(null);
  const [full, setFull] = useState(false);
  useEffect(() => {
    let live = true;
    let url: string | undefined;
    loadReportPhotoUrl(api, reportId, messageId).then(
      (u) => {
        url = u;
        if (live) setState({ url: u });
        else URL.revokeObjectURL(u);
      },
      (err: unknown) =>
        live &&
        setState({ error: err instanceof DevelopmentApiError ? err.message : 'โหลดรูปไม่สำเร็จ กรุณาลองใหม่' }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [reportId, messageId]);
  if (state === null) return <p class="hint">กำลังโหลดรูปที่ {n}…</p>;
  if ('error' in state)
    return (
      <p class="notice-error" role="alert">
        {state.error}
      </p>
    );
  return (
    <button
      type="button"
      class={full ? 'report-photo report-photo-full' : 'report-photo'}
      aria-pressed={full}
      onClick={() => setFull(!full)}
    >
      <img src={state.url} alt={`รูปแนบที่ ${n}`} decoding="async" />
      <span>{full ? 'ย่อรูป' : 'แตะเพื่อดูขนาดเต็ม'}</span>
    </button>
  );
}
