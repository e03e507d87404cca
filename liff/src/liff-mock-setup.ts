import type { Liff } from '@line/liff/core';
import { type LiffMockApi, LiffMockPlugin } from '@line/liff-mock';

/**
 * Local development only (VITE_LIFF_MOCK=1). Loaded through a dynamic import behind a build-time
 * constant, so neither this file nor @line/liff-mock is in the production bundle.
 */
export const MOCK_PROFILE = {
  userId: 'U00000000000000000000000000000001',
  displayName: 'สมศรี ใจดี',
} as const;

const MOCK_TOKEN_LIFETIME_SECONDS = 3600;

function base64UrlJson(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** An unsigned JWT shaped like a LINE ID token, with a real `exp` so expiry handling runs in dev. */
export function mockIdToken(liffId: string, nowMs = Date.now()): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64UrlJson({ alg: 'none', typ: 'JWT' });
  const payload = base64UrlJson({
    iss: 'https://access.line.me',
    sub: MOCK_PROFILE.userId,
    aud: liffId,
    iat,
    exp: iat + MOCK_TOKEN_LIFETIME_SECONDS,
    name: MOCK_PROFILE.displayName,
  });
  return `${header}.${payload}.mock`;
}

function mockApi(liff: Liff): LiffMockApi {
  return (liff as unknown as { $mock: LiffMockApi }).$mock;
}

export async function installLiffMock(liff: Liff, liffId: string): Promise<void> {
  // The plugin is typed against the full `Liff`, not the pluggable core: same object at run time.
  (liff as unknown as { use(plugin: LiffMockPlugin): unknown }).use(new LiffMockPlugin());
  mockApi(liff).set((previous) => ({
    ...previous,
    isLoggedIn: true,
    getProfile: { ...MOCK_PROFILE, statusMessage: 'ทดสอบในเครื่อง' },
    getIDToken: mockIdToken(liffId),
  }));
  await liff.init({ liffId, mock: true } as Parameters<Liff['init']>[0]);
  // The mock refuses getProfile() until login() was called; its login() does not redirect.
  liff.login();
}

export function refreshMockIdToken(liff: Liff, liffId: string): void {
  mockApi(liff).set((previous) => ({ ...previous, getIDToken: mockIdToken(liffId) }));
}
