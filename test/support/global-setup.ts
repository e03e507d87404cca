import type { TestProject } from 'vitest/node';
import { startFirestoreEmulator } from '../../dev/src/firestore/emulator';
import { startStorageEmulator } from '../../dev/src/storage/storage-emulator';

declare module 'vitest' {
  export interface ProvidedContext {
    firestoreHost: string;
    storageHost: string;
  }
}

/**
 * One real Firestore emulator and one Storage emulator for the whole run; files isolate themselves by
 * project id and bucket name.
 */
export default async function setup(project: TestProject) {
  const [emulator, storage] = await Promise.all([startFirestoreEmulator(), startStorageEmulator()]);
  project.provide('firestoreHost', emulator.hostPort);
  project.provide('storageHost', storage.hostPort);
  return async () => {
    await Promise.all([emulator.stop(), storage.stop()]);
  };
}
