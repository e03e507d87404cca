import { beforeEach, describe, expect, it } from 'vitest';
import { DEV_CHANNEL } from '../../dev/src/dev-settings';
import { reportsOf, seedReport } from '../support/report-docs';
import { useSystem } from '../support/system';

// The LIFF form's choice at the end of a report: published in the knowledge library once approved, or
// kept internal. Only the owner, only while the report can still be edited; bad input in Thai.

const sys = useSystem();
const tokenFor = (userId: string) => sys.platform.issueIdToken(userId, { aud: DEV_CHANNEL.loginChannelId });

describe('report form: the knowledge-library choice', () => {
  beforeEach(async () => {
    await sys.start();
    await sys.fs.reset();
  });

  const put = async (userId: string, id: string, body: unknown) => {
    const { bot } = await sys.start();
    const res = await fetch(`${bot.url}/api/reports/${encodeURIComponent(id)}/library-choice`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${tokenFor(userId)}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      body: (await res.json()) as { message?: string; report?: { libraryChoice: string } },
    };
  };

  it("saves the owner's choice on an open report and refuses the rest", async () => {
    const owner = await sys.linkedUser({ employeeId: 'P001' });
    const other = await sys.linkedUser({ employeeId: 'P002' });
    const open = await seedReport(sys.fs.db, 'P001');
    const sent = await seedReport(sys.fs.db, 'P001', {
      status: 'submitted',
      approvers: ['P009'],
      currentApproverId: 'P009',
    });

    const saved = await put(owner, open.id, { libraryChoice: 'internal' });
    expect(saved.status).toBe(200);
    expect(saved.body.report?.libraryChoice).toBe('internal');
    expect((await reportsOf(sys.fs.db).doc(open.id).get()).get('libraryChoice')).toBe('internal');

    const bad = await put(owner, open.id, { libraryChoice: 'everyone' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/คลังความรู้/);
    expect((await put(other, open.id, { libraryChoice: 'share' })).status).toBe(403);
    const late = await put(owner, sent.id, { libraryChoice: 'internal' });
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/หน้าคลังความรู้/);
    expect((await put(owner, 'no-such-report', { libraryChoice: 'share' })).status).toBe(404);
    expect((await reportsOf(sys.fs.db).doc(open.id).get()).get('libraryChoice')).toBe('internal');
  });
});
