// `npm run test:deploy-shape`: the production shape, proven locally. Builds what `firebase deploy` builds
// (the functions bundle, the LIFF production build), starts the real Firestore emulator and the fake LINE
// platform, then runs `firebase emulators:exec --only functions,hosting` on a copy of the repo's
// firebase.json (only the emulator ports changed to free ones) and checks, failing loudly:
// - the CLI's own runtime support check accepts firebase.json's runtime today;
// - the emulator discovers every function: the webhook, the API, the task queue and the scheduled jobs;
// - a signed webhook to the Functions emulator is answered and the reply reaches the fake LINE platform
//   (the cold first turn is timed);
// - Hosting serves the LIFF app with its headers, rewrites /api/** to the API function, and in Chromium
//   the production build signs in through LINE Login and shows the hours page with data from /api.
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { consentRecord, fiscalYearOfInstant } from '@phattana/shared';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { launchChromium } from '../../dev/src/chromium';
import { DEV_CHANNEL, DEV_PROJECT_ID } from '../../dev/src/dev-settings';
import { startFirestoreEmulator } from '../../dev/src/firestore/emulator';
import { startLinePlatform } from '../../dev/src/line-platform';
import { demoLineUserId } from '../../dev/src/seed/demo-municipality';
import { seedDemo } from '../../dev/src/seed/seed';
import { buildTextEvent, signBody } from '../../dev/src/simulator/webhook-events';
import { buildLiff } from '../../liff/tools/build-app';
import { routeLineServers } from '../support/line-login-servers';
import { freeEmulatorPorts, startFunctionsAndHosting } from './firebase-emulators';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REGION = 'asia-southeast1';
const SECRET = 'deploy-shape-channel-secret';
const TOKEN = 'deploy-shape-channel-access-token';
const EMPLOYEE = 'E010';

type Check = { name: string; detail: string };
const passed: Check[] = [];
function check(name: string, ok: boolean, detail: string): void {
  if (!ok) throw new Error(`FAILED: ${name}: ${detail}`);
  passed.push({ name, detail });
  console.log(`  ✓ ${name}${detail ? ` — ${detail}` : ''}`);
}

async function main() {
  process.env.METADATA_SERVER_DETECTION ??= 'none'; // no Google metadata server here: do not look for one
  const stops: Array<() => Promise<unknown>> = [];
  const dir = await mkdtemp(path.join(tmpdir(), 'phattana-deploy-shape-'));
  stops.push(() => rm(dir, { recursive: true, force: true }));
  try {
    console.log(`deploy shape on Node ${process.versions.node}, in ${dir}`);
    const firebaseJson = JSON.parse(await readFile(path.join(ROOT, 'firebase.json'), 'utf8'));
    const fn = firebaseJson.functions[0];

    // 1. the CLI's runtime table, as `firebase deploy` consults it before anything else
    const supported = require('firebase-tools/lib/deploy/functions/runtimes/supported/index.js');
    supported.guardVersionSupport(fn.runtime, new Date());
    check('the Firebase CLI accepts the runtime', true, `${fn.runtime} is supported today`);

    // 2. what deploy builds: functions' predeploy (`npm --prefix functions run build` = `node build.mjs`)
    // and the LIFF app (`vite build`, with VITE_LIFF_ID as the deploy guide says), into a copy of the deploy
    const fnDir = path.join(dir, fn.source);
    execFileSync(process.execPath, ['build.mjs'], { cwd: path.join(ROOT, fn.source), stdio: 'inherit' });
    await mkdir(fnDir, { recursive: true });
    await cp(path.join(ROOT, fn.source, 'lib'), path.join(fnDir, 'lib'), { recursive: true });
    await cp(path.join(ROOT, fn.source, 'package.json'), path.join(fnDir, 'package.json'));
    // Cloud Build would `npm install` functions/package.json; here the workspace's installed packages serve
    await symlink(path.join(ROOT, 'node_modules'), path.join(fnDir, 'node_modules'), 'dir');
    for (const k of ['VITE_API_BASE', 'VITE_LIFF_MOCK', 'VITE_LINE_DEV_BASE', 'VITE_LOGIN_CHANNEL_ID'])
      delete process.env[k];
    process.env.VITE_LIFF_ID = DEV_CHANNEL.liffId;
    await buildLiff({ outDir: path.join(dir, firebaseJson.hosting.public), mock: false });
    firebaseJson.emulators = await freeEmulatorPorts(firebaseJson.emulators);
    await writeFile(path.join(dir, 'firebase.json'), JSON.stringify(firebaseJson, null, 2));

    // 3. the real Firestore (the jar, as in every test) and the fake LINE platform, seeded with the demo
    const firestore = await startFirestoreEmulator();
    stops.unshift(() => firestore.stop());
    process.env.FIRESTORE_EMULATOR_HOST = firestore.hostPort;
    const platform = await startLinePlatform({
      channelAccessToken: TOKEN,
      loginChannelId: DEV_CHANNEL.loginChannelId,
    });
    stops.unshift(() => platform.close());
    const app = initializeApp({ projectId: DEV_PROJECT_ID }, 'deploy-shape');
    stops.unshift(() => deleteApp(app));
    const db = getFirestore(app);
    await seedDemo(db);
    const userId = demoLineUserId(EMPLOYEE);
    const m = db.collection('municipalities').doc('demo');
    const employee = (await m.collection('employees').doc(EMPLOYEE).get()).data() as {
      name: string;
      roles: string[];
    };
    // linked as registration in chat leaves it: the staff record and the conversation with consent
    await m.collection('employees').doc(EMPLOYEE).update({ lineUserId: userId, lineFollowing: true });
    await db
      .collection('conversations')
      .doc(userId)
      .set({
        person: { employeeId: EMPLOYEE, name: employee.name, roles: employee.roles },
        consent: consentRecord('granted', new Date()),
      });
    platform.setFollowing(userId, true);

    // the parameters and secrets `firebase deploy` asks for, as the emulator reads them
    await writeFile(
      path.join(fnDir, '.env'),
      [
        'MUNICIPALITY_ID=demo',
        'MUNICIPALITY_NAME=เทศบาลทดสอบรูปแบบการติดตั้ง',
        'PRIVACY_CONTACT=งานการเจ้าหน้าที่ โทร 043-000-000',
        'RETENTION_YEARS=10',
        `LIFF_CHANNEL_ID=${DEV_CHANNEL.loginChannelId}`,
        `LIFF_ID=${DEV_CHANNEL.liffId}`,
        'LIFF_ORIGINS=',
        `MEDIA_BUCKET=${DEV_PROJECT_ID}.appspot.com`,
        'WEBHOOK_MIN_INSTANCES=0',
        '',
      ].join('\n'),
    );
    await writeFile(
      path.join(fnDir, '.secret.local'),
      `LINE_CHANNEL_SECRET=${SECRET}\nLINE_CHANNEL_ACCESS_TOKEN=${TOKEN}\nBIRTH_DATE_PEPPER=deploy-shape-pepper\n`,
    );

    // 4. the Functions and Hosting emulators from the CLI
    const emulators = await startFunctionsAndHosting(dir, {
      projectId: DEV_PROJECT_ID,
      readyTimeoutMs: 180_000,
      ports: {
        functions: firebaseJson.emulators.functions.port,
        hosting: firebaseJson.emulators.hosting.port,
      },
      env: { FIRESTORE_EMULATOR_HOST: firestore.hostPort, PHATTANA_FAKE_LINE_BASE: platform.url },
    });
    let stopped = false;
    stops.unshift(async () => {
      if (!stopped) await emulators.stop();
    });
    try {
      await checkDiscovery(emulators.functionsUrl);
      await checkWebhook(emulators.functionsUrl, platform, userId);
      await checkHosting(emulators.hostingUrl);
      await checkLiffSignIn(emulators.hostingUrl, platform, userId, employee.name, async () => {
        const fy = fiscalYearOfInstant(new Date());
        const totals = await m.collection('hoursTotals').doc(`${EMPLOYEE}__${fy}`).get();
        return Number(totals.data()?.hours ?? 0);
      });
      const nodeLine = /Using node@\d+ from [a-z ]+/.exec(emulators.output())?.[0] ?? '';
      check(
        'the functions run on the production Node major',
        nodeLine.includes(`node@${fn.runtime.replace('nodejs', '')}`),
        nodeLine,
      );
    } catch (err) {
      console.error(`\n--- firebase emulators:exec output ---\n${emulators.output()}`);
      throw err;
    }
    stopped = true;
    const code = await emulators.stop();
    check('firebase emulators:exec ended cleanly', code === 0, `exit code ${code}`);
    console.log(`\n${passed.length} passed, 0 failed`);
  } finally {
    for (const stop of stops) await stop().catch(() => undefined);
  }
}

async function checkDiscovery(functionsUrl: string) {
  const res = await fetch(`${functionsUrl}/backends`);
  const body = (await res.json()) as {
    backends: Array<{ functionTriggers: Array<Record<string, unknown> & { entryPoint: string }> }>;
  };
  const triggers = body.backends.flatMap((b) => b.functionTriggers);
  const byName = new Map(triggers.map((t) => [t.entryPoint, t]));
  const names = [...byName.keys()].sort().join(', ');
  check('the webhook is an HTTPS function', Boolean(byName.get('line')?.httpsTrigger), names);
  check('the LIFF/HR API is its own HTTPS function', Boolean(byName.get('api')?.httpsTrigger), '');
  check('the task queue is discovered', Boolean(byName.get('lineTasks')?.taskQueueTrigger), 'lineTasks');
  const scheduled = triggers.filter((t) => t.schedule).map((t) => t.entryPoint);
  const jobs = ['dailyReports', 'libraryDigest', 'retention', 'outboxSweeper', 'quietHoursRelease'];
  check(
    'the scheduled jobs are discovered',
    jobs.every((j) => scheduled.includes(j)),
    scheduled.join(', '),
  );
  check(
    'the holiday trigger is discovered',
    Boolean(byName.get('holidayChanged')?.eventTrigger),
    'holidayChanged',
  );
}

async function checkWebhook(
  functionsUrl: string,
  platform: Awaited<ReturnType<typeof startLinePlatform>>,
  userId: string,
) {
  const url = `${functionsUrl}/${DEV_PROJECT_ID}/${REGION}/line/webhook`;
  const turn = async (text: string) => {
    const raw = JSON.stringify({
      destination: 'Udeployshape0000000000000000000000',
      events: [buildTextEvent({ userId, text, replyToken: platform.issueReplyToken(userId) })],
    });
    const before = platform.messagesFor(userId).length;
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-line-signature': signBody(SECRET, raw) },
      body: raw,
    });
    const answeredMs = performance.now() - started;
    const until = Date.now() + 20_000;
    while (platform.messagesFor(userId).length === before && Date.now() < until)
      await new Promise((r) => setTimeout(r, 50));
    return { status: res.status, answeredMs, replied: platform.messagesFor(userId).length > before };
  };
  const cold = await turn('สวัสดี');
  check('a signed webhook is answered', cold.status === 200, `HTTP ${cold.status}`);
  check('the reply reaches the fake LINE platform', cold.replied, 'reply accepted by the platform');
  const warm = await turn('เมนู');
  check('a second turn is answered too', warm.status === 200 && warm.replied, `HTTP ${warm.status}`);
  console.log(
    `    webhook cold first turn: ${Math.round(cold.answeredMs)} ms; warm turn: ${Math.round(warm.answeredMs)} ms`,
  );
}

async function checkHosting(hostingUrl: string) {
  const index = await fetch(`${hostingUrl}/hours`);
  const html = await index.text();
  check('Hosting serves the LIFF app for a deep link', index.ok && html.includes('<div id="app">'), '/hours');
  const csp = index.headers.get('content-security-policy') ?? '';
  check(
    'security headers that let the LIFF SDK reach LINE',
    csp.includes('https://api.line.me') &&
      index.headers.get('x-content-type-options') === 'nosniff' &&
      Boolean(index.headers.get('referrer-policy')),
    `CSP, nosniff, Referrer-Policy ${index.headers.get('referrer-policy')}`,
  );
  check(
    'index.html is revalidated',
    index.headers.get('cache-control') === 'no-cache',
    `${index.headers.get('cache-control')}`,
  );
  const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
  const assetRes = await fetch(`${hostingUrl}${asset}`);
  check(
    'hashed assets are immutable',
    assetRes.ok && (assetRes.headers.get('cache-control') ?? '').includes('immutable'),
    `${asset}: ${assetRes.headers.get('cache-control')}`,
  );
  const api = await fetch(`${hostingUrl}/api/me`);
  const apiBody = await api.text();
  check(
    '/api/** reaches the API function on the same origin',
    api.status === 401 && apiBody.includes('LINE'),
    `/api/me without a token: HTTP ${api.status} ${apiBody}`,
  );
}

async function checkLiffSignIn(
  hostingUrl: string,
  platform: Awaited<ReturnType<typeof startLinePlatform>>,
  userId: string,
  displayName: string,
  storedHours: () => Promise<number>,
) {
  const browser = await launchChromium();
  try {
    const page = await browser.context.newPage();
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
      else if (msg.type() === 'error') console.log(`    (browser) ${msg.text()}`);
    });
    const apiCalls: string[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) apiCalls.push(`${r.status()} ${r.url()}`);
    });
    const logins = await routeLineServers(page, {
      platform,
      liffId: DEV_CHANNEL.liffId,
      channelId: DEV_CHANNEL.loginChannelId,
      endpointUrl: `${hostingUrl}/`,
      loginAs: { userId, displayName },
    });
    await page.goto(`${hostingUrl}/hours`);
    const hours = await storedHours();
    const big = page.locator('.big-number');
    await big.waitFor({ timeout: 60_000 }).catch(async (err: Error) => {
      const text = (
        await page
          .locator('body')
          .textContent()
          .catch(() => '')
      )?.slice(0, 600);
      throw new Error(
        `${err.message}\npage: ${page.url()}\n${text}\nAPI: ${apiCalls.join(', ')}\nCSP: ${violations.join(' | ')}`,
      );
    });
    const shown = (await big.textContent()) ?? '';
    check('the LIFF app signs in through LINE Login', logins.length === 1, `${logins.length} login redirect`);
    check(
      'the hours page shows data from /api on the same origin',
      shown.includes(`${hours} ชั่วโมง`) &&
        apiCalls.some((c) => c.startsWith('200 ') && c.startsWith(`200 ${hostingUrl}/api/`)),
      `"${shown.trim()}"; ${apiCalls.length} API calls, e.g. ${apiCalls[0] ?? 'none'}`,
    );
    check('no Content Security Policy violation', violations.length === 0, violations.join(' | '));
  } finally {
    await browser.close();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(`\n${err.message}\n`);
    console.log(`${passed.length} passed, 1 failed`);
    process.exit(1);
  },
);
