import type { TestProject } from 'vitest/node';
import { startFirestoreEmulator } from '../../dev/src/firestore/emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    firestoreHost: string;
  }
}

/** One real Firestore emulator for the whole run; files isolate themselves by project id. */
export default async function setup(project: TestProject) {
  const emulator = await startFirestoreEmulator();
  project.provide('firestoreHost', emulator.hostPort);
  return async () => {
    await emulator.stop();
  };
}
