import { useState } from 'preact/hooks';
import { ApiAuthError } from '../api-client';
import type { PageProps } from '../routes';

type Status =
  | { kind: 'idle' }
  | { kind: 'working' }
  | { kind: 'done'; filename: string }
  | { kind: 'error'; message: string };

/** PDPA: a person downloads everything the system holds about them, as a file they keep. */
export function MyDataPage({ api }: PageProps) {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  async function download() {
    setStatus({ kind: 'working' });
    try {
      const res = await api.request('me/data');
      if (!res.ok) {
        const body = (await res.json().catch(() => ({}))) as { message?: string };
        setStatus({ kind: 'error', message: body.message ?? `ดาวน์โหลดไม่สำเร็จ (${res.status})` });
        return;
      }
      const filename =
        /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ??
        'phattana-my-data.json';
      const url = URL.createObjectURL(await res.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus({ kind: 'done', filename });
    } catch (err) {
      setStatus({
        kind: 'error',
        message:
          err instanceof ApiAuthError
            ? 'การเข้าสู่ระบบหมดอายุ กรุณาเปิดหน้านี้ใหม่จาก LINE'
            : 'เชื่อมต่อไม่สำเร็จ กรุณาลองใหม่',
      });
    }
  }

  return (
    <section aria-labelledby="my-data-intro">
      <p id="my-data-intro">
        ดาวน์โหลดสำเนาข้อมูลส่วนบุคคลที่ระบบ "พัฒนา" เก็บไว้เกี่ยวกับท่าน ได้แก่ ข้อมูลพนักงาน ความยินยอม การแจ้งอบรม
        และคำขอเกี่ยวกับข้อมูล เป็นไฟล์ JSON ตามสิทธิของท่านภายใต้ พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล
      </p>
      <button type="button" class="button-primary" onClick={download} disabled={status.kind === 'working'}>
        {status.kind === 'working' ? 'กำลังเตรียมไฟล์…' : 'ดาวน์โหลดข้อมูลของฉัน'}
      </button>
      <p role="status" aria-live="polite">
        {status.kind === 'done'
          ? `ดาวน์โหลด ${status.filename} แล้ว`
          : status.kind === 'error'
            ? status.message
            : ''}
      </p>
      <p class="hint">หากต้องการให้ลบข้อมูล พิมพ์ "ขอลบข้อมูล" ในแชต</p>
    </section>
  );
}
