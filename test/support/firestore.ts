import { randomUUID } from 'node:crypto';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { afterAll, inject } from 'vitest';
import { resetFirestore } from '../../dev/src/firestore/emulator';

export interface TestFirestore {
  db: Firestore;
  projectId: string;
  hostPort: string;
  reset(): Promise<void>;
}

/**
 * A Firestore client on the shared emulator under a project id of its own, so test files can run in
 * parallel without seeing each other's documents.
 */
export function useTestFirestore(): TestFirestore {
  const hostPort = inject('firestoreHost');
  process.env.FIRESTORE_EMULATOR_HOST = hostPort;
  const projectId = `test-${randomUUID().slice(0, 8)}`;
  const app = initializeApp({ projectId }, projectId);
  const db = getFirestore(app);
  afterAll(async () => {
    await deleteApp(app);
  });
  return { db, projectId, hostPort, reset: () => resetFirestore(hostPort, projectId) };
}
