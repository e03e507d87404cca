import { useState } from 'preact/hooks';
import type { MunicipalityOverview } from '../../../shared/src/domain/municipality-overview';
import { HrApiError, json, send } from '../hr-api';
import type { PageProps } from '../page-props';
import { ErrorState, LoadingState } from '../status-views';
import { thaiNumber } from '../thai-number';
import { useAsync } from '../use-async';
import { InputField, LiveStatus } from './hr-form-parts';
import './hr-admin.css';
import './region-page.css';

// ผู้ดูแลระบบ (/platform): the deployment's administrator onboards a municipality without a developer:
// creates it (name, province, divisions), names its HR admins once its staff list is imported, and hands
// out invite codes to everyone not yet linked (HR prints the slips from their own /hr/invites page).
// Counts only: the administrator sees no person's record.

const load = (api: PageProps['api']) =>
  send<{ municipalities: MunicipalityOverview[] }>(api, 'platform/municipalities').then(
    (r) => r.municipalities,
  );

export function PlatformPage({ api }: PageProps) {
  const list = useAsync(() => load(api));
  const [status, setStatus] = useState<{ tone: 'ok' | 'error'; text: string } | undefined>(undefined);
  const act = async (work: () => Promise<string>) => {
    try {
      setStatus({ tone: 'ok', text: await work() });
      list.retry();
    } catch (err) {
      setStatus({
        tone: 'error',
        text: err instanceof HrApiError ? err.message : 'ทำรายการไม่สำเร็จ กรุณาลองอีกครั้ง',
      });
    }
  };
  if (list.status === 'loading') return <LoadingState label="กำลังโหลดรายชื่อเทศบาล…" />;
  if (list.status === 'error')
    return (
      <ErrorState
        message={list.error instanceof HrApiError ? list.error.message : 'โหลดรายชื่อเทศบาลไม่สำเร็จ'}
        onRetry={list.retry}
      />
    );
  return (
    <>
      <LiveStatus tone={status?.tone ?? 'ok'}>{status?.text}</LiveStatus>
      {list.value.map((m) => (
        <MunicipalityCard key={m.id} m={m} api={api} act={act} />
      ))}
      <CreateMunicipality api={api} act={act} />
    </>
  );
}

type Act = (work: () => Promise<string>) => Promise<void>;

function MunicipalityCard({ m, api, act }: { m: MunicipalityOverview; api: PageProps['api']; act: Act }) {
  const [admins, setAdmins] = useState('');
  const path = `platform/municipalities/${encodeURIComponent(m.id)}`;
  return (
    <section class="region-card" aria-labelledby={`pm-${m.id}`}>
      <h2 id={`pm-${m.id}`}>{m.name}</h2>
      <p>
        จังหวัด{m.province} · รหัส {m.id}
        <br />
        พนักงาน {thaiNumber.format(m.staff)} คน · เชื่อม LINE แล้ว {thaiNumber.format(m.linked)} คน · ฝ่ายบุคคล{' '}
        {thaiNumber.format(m.hrAdmins)} คน
      </p>
      <InputField
        id={`admins-${m.id}`}
        label="ตั้งฝ่ายบุคคล (รหัสพนักงาน คั่นด้วยจุลภาค)"
        type="text"
        value={admins}
        onInput={setAdmins}
      />
      <button
        type="button"
        class="button-primary"
        onClick={() =>
          act(async () => {
            const r = await send<{ named: string[] }>(
              api,
              `${path}/admins`,
              json('POST', {
                employeeIds: admins
                  .split(',')
                  .map((x) => x.trim())
                  .filter(Boolean),
              }),
            );
            setAdmins('');
            return `ตั้งเป็นฝ่ายบุคคลของ${m.name}แล้ว: ${r.named.join(', ')}`;
          })
        }
      >
        ตั้งเป็นฝ่ายบุคคล
      </button>{' '}
      <button
        type="button"
        class="button"
        onClick={() =>
          act(async () => {
            const r = await send<{ issued: number }>(api, `${path}/invites`, json('POST'));
            return `ออกรหัสเชิญให้ผู้ที่ยังไม่เชื่อม LINE ของ${m.name} ${thaiNumber.format(r.issued)} รหัส ฝ่ายบุคคลพิมพ์ใบรหัสได้ที่หน้ารหัสเชิญ`;
          })
        }
      >
        ออกรหัสเชิญทุกคนที่ยังไม่เชื่อม
      </button>
    </section>
  );
}

function CreateMunicipality({ api, act }: { api: PageProps['api']; act: Act }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [province, setProvince] = useState('');
  const [divisions, setDivisions] = useState('palad สำนักปลัดเทศบาล');
  const create = () =>
    act(async () => {
      const rows = divisions
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => {
          const [divisionId = '', ...rest] = line.split(/\s+/);
          return { id: divisionId, name: rest.join(' ') };
        });
      await send(
        api,
        'platform/municipalities',
        json('POST', { id, file: { name, province, divisions: rows } }),
      );
      return `สร้าง${name}แล้ว ขั้นต่อไป: นำเข้ารายชื่อพนักงาน (npm run employees:import -- --municipality ${id}) แล้วตั้งฝ่ายบุคคล`;
    });
  return (
    <section class="region-card" aria-labelledby="create-municipality">
      <h2 id="create-municipality">เพิ่มเทศบาล</h2>
      <InputField
        id="m-id"
        label="รหัสเทศบาล (ภาษาอังกฤษหรือตัวเลข เช่น banmai)"
        type="text"
        value={id}
        onInput={setId}
      />
      <InputField id="m-name" label="ชื่อเทศบาล" type="text" value={name} onInput={setName} />
      <InputField id="m-province" label="จังหวัด" type="text" value={province} onInput={setProvince} />
      <div class="hr-field">
        <label for="m-divisions">กอง/สำนัก บรรทัดละหนึ่ง: รหัส เว้นวรรค ชื่อ</label>
        <textarea
          id="m-divisions"
          rows={4}
          value={divisions}
          onInput={(e) => setDivisions(e.currentTarget.value)}
        />
      </div>
      <button type="button" class="button-primary" onClick={create}>
        สร้างเทศบาล
      </button>
    </section>
  );
}
