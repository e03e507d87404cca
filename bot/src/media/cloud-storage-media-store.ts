import type { Storage } from 'firebase-admin/storage';
import type { MediaStore } from './media-store';

export type StorageBucket = ReturnType<Storage['bucket']>;

/**
 * The MediaStore over a Cloud Storage bucket (firebase-admin). With FIREBASE_STORAGE_EMULATOR_HOST set
 * the same code talks to the local emulator. Objects are private: clients never read them directly.
 */
export function createCloudStorageMediaStore(bucket: StorageBucket): MediaStore {
  return {
    async put(path, bytes, contentType) {
      // One request for a photo-sized object; resumable uploads only pay off for large files.
      await bucket.file(path).save(bytes, { contentType, resumable: false });
    },
    async get(path) {
      const file = bucket.file(path);
      try {
        const [[bytes], [metadata]] = await Promise.all([file.download(), file.getMetadata()]);
        return { bytes, contentType: metadata.contentType ?? 'application/octet-stream' };
      } catch (err) {
        if ((err as { code?: unknown }).code === 404) return undefined;
        throw err;
      }
    },
    async exists(path) {
      const [exists] = await bucket.file(path).exists();
      return exists;
    },
  };
}
