import type { StorageBucket } from '@phattana/bot';

/**
 * The credential the Firebase emulators take as "the admin" (the Admin SDK sends it to the Firestore
 * emulator by itself). The local Storage emulator refuses every request without it.
 */
export const STORAGE_EMULATOR_CREDENTIAL = 'Bearer owner';

type Intercepted = StorageBucket & {
  storage: { interceptors: Array<{ request(o: { headers?: Record<string, string> }): object }> };
};

/**
 * The Admin SDK sends no credential to a Storage emulator; locally, the bucket the bot uses is given
 * the admin one (production uses the service account's).
 */
export function asEmulatorAdmin<B extends StorageBucket>(bucket: B): B {
  (bucket as unknown as Intercepted).storage.interceptors.push({
    request: (o) => ({ ...o, headers: { ...o.headers, authorization: STORAGE_EMULATOR_CREDENTIAL } }),
  });
  return bucket;
}
