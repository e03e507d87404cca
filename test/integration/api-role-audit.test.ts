import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createBot } from '@phattana/bot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_TO_ALL_STAFF } from '../../bot/src/api/open-to-all-staff';
import { DEV_CHANNEL, localBotConfig } from '../../dev/src/dev-settings';
import { DEMO_MUNICIPALITY_ID } from '../../dev/src/seed/demo-municipality';
import { type MountedRoute, mountedRoutes, routerStackAt } from '../support/mounted-routes';
import { TEST_CHANNEL, useSystem } from '../support/system';

// Role audit of the LIFF API: every route mounted on the API router (whichever *-routes.ts file added
// it) is called with a real ID token of a linked, active person who is staff only. Unless the route is
// listed in bot/src/api/open-to-all-staff.ts, the server must refuse with 403 before doing anything.

const sys = useSystem();
let server: Server;
let base = '';
let routes: MountedRoute[] = [];

beforeAll(async () => {
  const { platform } = await sys.start();
  const bot = createBot({
    db: sys.fs.db,
    config: localBotConfig({
      channelSecret: TEST_CHANNEL.secret,
      channelAccessToken: TEST_CHANNEL.accessToken,
      lineBase: platform.url,
    }),
  });
  routes = mountedRoutes(routerStackAt(bot.app, '/api'));
  server = bot.app.listen(0, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
});

const key = (r: MountedRoute) => `${r.method} ${r.path}`;

async function call(r: MountedRoute, token?: string): Promise<Response> {
  const url = `${base}${r.path.replace(/:\w+/g, 'audit-probe')}`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const body = r.method === 'GET' || r.method === 'HEAD' ? undefined : '{}';
  return fetch(url, { method: r.method, headers, body });
}

describe('LIFF API role audit', () => {
  it('finds the routes the router mounts, and every route the open list names exists', () => {
    expect(routes.map(key)).toEqual(expect.arrayContaining(['GET /me/data', 'GET /reports/mine']));
    const mounted = new Set(routes.map(key));
    expect(OPEN_TO_ALL_STAFF.filter((r) => !mounted.has(r))).toEqual([]);
  });

  it('answers no request without a token (nothing is mounted before the authentication)', async () => {
    const statuses = await Promise.all(routes.map(async (r) => [key(r), (await call(r)).status] as const));
    expect(statuses.filter(([, s]) => s !== 401)).toEqual([]);
  });

  it('refuses staff (403) on every route meant for HR, supervisors or executives', async () => {
    const staff = await sys.linkedUser({ roles: ['staff'] });
    const token = sys.platform.issueIdToken(staff, { aud: DEV_CHANNEL.loginChannelId });
    const guarded = routes.filter((r) => !OPEN_TO_ALL_STAFF.includes(key(r)));
    const results = [];
    for (const r of guarded) {
      const res = await call(r, token);
      const body = (await res.json().catch(() => ({}))) as { message?: string };
      results.push({ route: key(r), status: res.status, thai: /[\u0E00-\u0E7F]/.test(body.message ?? '') });
    }
    expect(results.filter((x) => x.status !== 403 || !x.thai)).toEqual([]);
    console.info(`role audit: ${guarded.length} guarded routes, ${OPEN_TO_ALL_STAFF.length} open to staff`);
  });

  it('takes roles from the staff record, not from the chat context it may have been copied into', async () => {
    const conversations = sys.fs.db.collection('conversations');
    const employees = sys.fs.db
      .collection('municipalities')
      .doc(DEMO_MUNICIPALITY_ID)
      .collection('employees');
    const guarded = routes.filter((r) => !OPEN_TO_ALL_STAFF.includes(key(r)));

    // demoted in the staff list; the chat context still says HR
    const demoted = await sys.linkedUser({ roles: ['hr', 'supervisor', 'executive'] });
    const demotedId = (await conversations.doc(demoted).get()).get('person.employeeId') as string;
    await employees.doc(demotedId).update({ roles: ['staff'] });
    const token = sys.platform.issueIdToken(demoted, { aud: DEV_CHANNEL.loginChannelId });
    const statuses = [];
    for (const r of guarded) statuses.push((await call(r, token)).status);
    expect(statuses.filter((s) => s !== 403)).toEqual([]);

    // promoted in the staff list: HR's pages open although the chat context says staff
    const promoted = await sys.linkedUser({ roles: ['staff'] });
    const promotedId = (await conversations.doc(promoted).get()).get('person.employeeId') as string;
    await employees.doc(promotedId).update({ roles: ['staff', 'supervisor', 'hr', 'executive'] });
    const hrToken = sys.platform.issueIdToken(promoted, { aud: DEV_CHANNEL.loginChannelId });
    const plainGets = guarded.filter((r) => r.method === 'GET' && !r.path.includes(':'));
    expect(plainGets.length).toBeGreaterThan(0);
    const opened = [];
    for (const r of plainGets) if ((await call(r, hrToken)).status === 200) opened.push(key(r));
    expect(opened.length).toBeGreaterThan(0);
  });
});
