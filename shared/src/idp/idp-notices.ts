import { fiscalYearLabel } from '../calendar/fiscal-year';
import { liffUrl } from '../conversation/liff-link';
import { type Reply, text } from '../conversation/reply';

/** a LIFF page the notice's button opens; without a LIFF id the text names the menu instead */
const openInLiff = (liffId: string | undefined, path: string, label: string, body: string): Reply =>
  liffId
    ? {
        kind: 'card',
        title: 'แผนพัฒนารายบุคคล (IDP)',
        lines: [body],
        altText: body,
        actions: [{ type: 'uri', label, uri: liffUrl(liffId, path) }],
      }
    : text(body);

import type { IdpPlan } from './idp-plan';

// The LINE pushes an IDP's transitions cause: the supervisor hears when a plan is sent to them, the
// person when it is agreed or returned. Each key names the plan's version, so a retried request that
// re-pushes uses the same retry key and LINE drops the repeat.

export interface IdpNotice {
  readonly employeeId: string;
  readonly key: string;
  readonly replies: readonly Reply[];
}

export function idpNotice(p: IdpPlan, liffId?: string): IdpNotice | undefined {
  const year = fiscalYearLabel(p.fiscalYear);
  const key = `idp:${p.id}:v${p.version}:${p.status}`;
  switch (p.status) {
    case 'submitted':
      if (!p.supervisorId) return undefined;
      return {
        employeeId: p.supervisorId,
        key,
        replies: [
          openInLiff(
            liffId,
            `/team/${encodeURIComponent(p.employeeId)}/idp`,
            'เปิดแผนพัฒนา',
            `${p.employeeName} ส่งแผนพัฒนารายบุคคล (IDP) ${year} (${p.goals.length} เป้าหมาย) ให้ท่านพิจารณาเห็นชอบ\nเปิดเมนู "ทีมของฉัน" เพื่อเห็นชอบหรือส่งกลับพร้อมความเห็น`,
          ),
        ],
      };
    case 'agreed':
      return {
        employeeId: p.employeeId,
        key,
        replies: [
          openInLiff(
            liffId,
            '/idp',
            'แผนพัฒนาของฉัน',
            `หัวหน้าเห็นชอบแผนพัฒนารายบุคคล (IDP) ${year} ของท่านแล้ว ✅${p.supervisorComment ? `\nความเห็น: ${p.supervisorComment}` : ''}\nอัปเดตความก้าวหน้าได้ที่เมนู "แผนพัฒนาของฉัน"`,
          ),
        ],
      };
    case 'returned':
      return {
        employeeId: p.employeeId,
        key,
        replies: [
          openInLiff(
            liffId,
            '/idp',
            'แก้ไขแผนพัฒนา',
            `แผนพัฒนารายบุคคล (IDP) ${year} ของท่านถูกส่งกลับให้แก้ไข\nความเห็นหัวหน้า: ${p.supervisorComment ?? '-'}\nแก้ไขแล้วส่งอีกครั้งได้ที่เมนู "แผนพัฒนาของฉัน"`,
          ),
        ],
      };
    case 'draft':
      return undefined;
  }
}
