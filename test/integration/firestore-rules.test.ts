import { readFileSync } from 'node:fs';
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from '@firebase/rules-unit-testing';
import { setLogLevel } from 'firebase/firestore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestFirestore } from '../support/firestore';

// firestore.rules evaluated by the Cloud Firestore emulator: LINE users never talk to Firestore
// directly (the bot and the LIFF API do, with the Admin SDK, after checking who is asking), so every
// client, signed in or not, is refused everything, while the Admin SDK is not governed by rules.

const RULES = readFileSync(new URL('../../firestore.rules', import.meta.url), 'utf8');
const M = 'municipalities/demo';
const DOCS = [
  `${M}/employees/E001`,
  `${M}/reports/r1`,
  'conversations/U0123456789abcdef0123456789abcdef',
  `${M}/surveys/s1`,
  `${M}/surveys/s1/responses/E001`,
  `${M}/surveyCompletions/s1_E001`,
  `${M}/idps/E001_2570`,
  `${M}/stats/fy2570`,
  `${M}/broadcasts/b1`,
  `${M}/notifications/n1`,
  M,
];
const collectionOf = (doc: string) => doc.split('/').slice(0, -1).join('/');

setLogLevel('silent'); // each refusal is expected; the SDK would log it as an error
const fs = useTestFirestore();
const [host, port] = fs.hostPort.split(':') as [string, string];
let env: RulesTestEnvironment;
let open: RulesTestEnvironment;
let started: RulesTestEnvironment;

beforeAll(async () => {
  env = await initializeTestEnvironment({
    projectId: fs.projectId,
    firestore: { rules: RULES, host, port: Number(port) },
  });
  // a control project with permissive rules: proves the clients reach the emulator and rules decide
  open = await initializeTestEnvironment({
    projectId: `${fs.projectId}-open`,
    firestore: {
      rules:
        "rules_version = '2'; service cloud.firestore { match /databases/{db}/documents { match /{d=**} { allow read, write: if request.auth != null; } } }",
      host,
      port: Number(port),
    },
  });
  // what the bot wrote, through the Admin SDK
  for (const path of DOCS) await fs.db.doc(path).set({ name: 'นางสาวทดสอบ ระบบดี', secret: 'x' });
});
afterAll(async () => {
  await started?.cleanup();
  await env?.cleanup();
  await open?.cleanup();
});

describe('firestore.rules in the emulator', () => {
  it('refuses a signed-in client and an anonymous one every read, list, write and delete', async () => {
    const clients = {
      signedIn: env.authenticatedContext('U0123456789abcdef0123456789abcdef', {
        firebase: { sign_in_provider: 'custom' },
      }),
      hrClaim: env.authenticatedContext('hr-officer', { roles: ['hr'], admin: true }),
      anonymous: env.unauthenticatedContext(),
    };
    for (const [who, ctx] of Object.entries(clients)) {
      const db = ctx.firestore();
      for (const path of DOCS) {
        const where = `${who} ${path}`;
        await expect(assertFails(db.doc(path).get()), where).resolves.toBeDefined();
        if (path !== M)
          await expect(assertFails(db.collection(collectionOf(path)).get()), where).resolves.toBeDefined();
        await expect(assertFails(db.doc(path).set({ name: 'แก้ไข' })), where).resolves.toBeDefined();
        await expect(assertFails(db.doc(path).update({ secret: 'y' })), where).resolves.toBeDefined();
        await expect(assertFails(db.doc(path).delete()), where).resolves.toBeDefined();
        await expect(assertFails(db.doc(`${path}-new`).set({ a: 1 })), where).resolves.toBeDefined();
      }
      await expect(assertFails(db.collectionGroup('responses').get()), who).resolves.toBeDefined();
    }
  });

  it('leaves the Admin SDK (the bot, the LIFF API) unaffected', async () => {
    for (const path of DOCS) {
      expect((await fs.db.doc(path).get()).get('name'), path).toBe('นางสาวทดสอบ ระบบดี');
      await fs.db.doc(path).update({ secret: 'y' });
    }
    expect((await fs.db.collectionGroup('responses').get()).size).toBe(1);
  });

  it('are loaded when the emulator starts (as npm start runs it), before any test sets them', async () => {
    // a project nobody gave rules to: only what the emulator loaded at start applies
    started = await initializeTestEnvironment({
      projectId: `${fs.projectId}-as-started`,
      firestore: { host, port: Number(port) },
    });
    for (const ctx of [
      started.unauthenticatedContext(),
      started.authenticatedContext('U0123456789abcdef0123456789abcdef'),
    ]) {
      const db = ctx.firestore();
      await expect(assertFails(db.doc(`${M}/employees/E001`).get())).resolves.toBeDefined();
      await expect(assertFails(db.doc(`${M}/employees/E002`).set({ name: 'ทดสอบ' }))).resolves.toBeDefined();
    }
  });

  it('(control) the same clients are let in where the rules allow it', async () => {
    const db = open.authenticatedContext('U0123456789abcdef0123456789abcdef').firestore();
    await assertSucceeds(db.doc(`${M}/employees/E001`).set({ name: 'ทดสอบ' }));
    await assertSucceeds(db.doc(`${M}/employees/E001`).get());
    await assertFails(open.unauthenticatedContext().firestore().doc(`${M}/employees/E001`).get());
  });
});
