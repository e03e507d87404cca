import type { CollectionReference } from 'firebase-admin/firestore';
import { describe, expect, it } from 'vitest';
import { createReportThumbnailRoutes } from '../src/api/report-thumbnail-routes';
import { createHmacPostbackSigner } from '../src/line/hmac-postback-signer';
import { reportPhotoToken } from '../src/reports/report-photo-link';
import { silentLogger } from '../src/runtime/logger';
import { serveRoutes } from './support/route-harness';

// One deployment serves many municipalities and report ids repeat across them: a card's photo address
// is signed for one municipality, and another municipality's route refuses it before reading anything.
const signer = createHmacPostbackSigner('a-test-secret-of-enough-length');
const now = new Date('2026-12-08T03:00:00Z');
const reads: string[] = [];
const reports = {
  doc: (id: string) => ({
    get: async () => {
      reads.push(id);
      return { exists: false };
    },
  }),
} as unknown as CollectionReference;

// no person: the route trusts the signed address, not a signed-in user
const api = serveRoutes({
  mount: '/media',
  router: () =>
    createReportThumbnailRoutes({
      municipalityId: 'nongnamsai',
      source: { reports },
      signer,
      clock: () => now,
      logger: silentLogger,
    }),
});

describe('report photo addresses are bound to their municipality', () => {
  const ref = { reportId: 'CAT1__E010', messageId: 'm1' };

  it('refuses a token signed for another municipality, reading nothing', async () => {
    const res = await fetch(api.url(`/report-photos/${reportPhotoToken(signer, 'demo', ref, now)}`));
    expect(res.status).toBe(403);
    expect(reads).toEqual([]);
  });

  it("looks the report up for its own municipality's token", async () => {
    const res = await fetch(api.url(`/report-photos/${reportPhotoToken(signer, 'nongnamsai', ref, now)}`));
    expect(res.status).toBe(404); // no such report here: looked up, nothing served
    expect(reads).toEqual(['CAT1__E010']);
  });
});
