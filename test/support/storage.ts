import { randomUUID } from 'node:crypto';
import { createCloudStorageMediaStore, type MediaStore, type StorageBucket } from '@phattana/bot';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getStorage } from 'firebase-admin/storage';
import { afterAll, inject } from 'vitest';
import { asEmulatorAdmin } from '../../dev/src/storage/emulator-credential';

export interface TestStorage {
  /** the Cloud Storage bucket, through firebase-admin as the bot uses it */
  bucket: StorageBucket;
  media: MediaStore;
  hostPort: string;
}

/**
 * A bucket of its own on the shared Storage emulator (firebase-tools' server), so test files can run
 * in parallel without seeing each other's objects.
 */
export function useTestStorage(): TestStorage {
  const hostPort = inject('storageHost');
  // firebase-admin copies this into STORAGE_EMULATOR_HOST for @google-cloud/storage, once per process
  process.env.FIREBASE_STORAGE_EMULATOR_HOST = hostPort;
  process.env.STORAGE_EMULATOR_HOST = `http://${hostPort}`;
  const id = `test-${randomUUID().slice(0, 8)}`;
  const app = initializeApp({ projectId: id, storageBucket: `${id}.appspot.com` }, `${id}-storage`);
  const bucket = asEmulatorAdmin(getStorage(app).bucket());
  afterAll(async () => {
    await deleteApp(app);
  });
  return { bucket, media: createCloudStorageMediaStore(bucket), hostPort };
}
