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

/**
 * With `?sim_user=U…` (the LINE simulator adds it) and the fake LINE platform's address, the mock logs in
 * as that person with a real signed ID token from the platform, so the API can verify it as in
 * production. Otherwise it is the fixed mock person with an unsigned token the API refuses.
 */
async function devLogin(): Promise<{ token: string; userId: string; displayName: string } | undefined> {
  const userId = new URLSearchParams(location.search).get('sim_user');
  const base = import.meta.env.VITE_LINE_DEV_BASE;
  const aud = import.meta.env.VITE_LOGIN_CHANNEL_ID;
  if (!userId || !base || !aud) return undefined;
  const res = await fetch(`${base}/__control/id-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, aud }),
  });
  if (!res.ok) return undefined;
  const { idToken } = (await res.json()) as { idToken: string };
  // atob gives one char per byte: decode them as UTF-8, or a Thai display name comes out garbled
  const binary = atob((idToken.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'));
  const json = new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  const payload = JSON.parse(json) as { name?: string };
  return { token: idToken, userId, displayName: payload.name ?? userId };
}

export async function installLiffMock(liff: Liff, liffId: string): Promise<void> {
  // The plugin is typed against the full `Liff`, not the pluggable core: same object at run time.
  (liff as unknown as { use(plugin: LiffMockPlugin): unknown }).use(new LiffMockPlugin());
  const dev = await devLogin().catch(() => undefined);
  mockApi(liff).set((previous) => ({
    ...previous,
    isLoggedIn: true,
    getProfile: dev
      ? { userId: dev.userId, displayName: dev.displayName, statusMessage: 'ทดสอบในเครื่อง' }
      : { ...MOCK_PROFILE, statusMessage: 'ทดสอบในเครื่อง' },
    getIDToken: dev?.token ?? mockIdToken(liffId),
  }));
  await liff.init({ liffId, mock: true } as Parameters<Liff['init']>[0]);
  // The mock refuses getProfile() until login() was called; its login() does not redirect.
  liff.login();
}

export async function refreshMockIdToken(liff: Liff, liffId: string): Promise<void> {
  const dev = await devLogin().catch(() => undefined);
  mockApi(liff).set((previous) => ({ ...previous, getIDToken: dev?.token ?? mockIdToken(liffId) }));
}
