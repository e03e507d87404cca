import liff from '@line/liff/core';
import GetIdToken from '@line/liff/get-id-token';
import GetProfile from '@line/liff/get-profile';
import IsInClient from '@line/liff/is-in-client';
import IsLoggedIn from '@line/liff/is-logged-in';
import Login from '@line/liff/login';
import Logout from '@line/liff/logout';
import type { IdTokenSource } from './api-client';
import type { AppConfig } from './config';

export interface Profile {
  readonly userId: string;
  readonly displayName: string;
  readonly pictureUrl?: string;
}

export interface LiffSession extends IdTokenSource {
  readonly profile: Profile;
}

/** Pending forever: the page is navigating away (LINE login, reload). */
function leavingPage(): Promise<never> {
  return new Promise<never>(() => {});
}

const REAUTH_KEY = 'phattana:reauth-at';
const REAUTH_MIN_INTERVAL_MS = 60_000;

/** Guard against a redirect loop when a fresh login still yields an unusable token. */
function markReauthentication(): boolean {
  try {
    const last = Number(sessionStorage.getItem(REAUTH_KEY) ?? 0);
    if (Date.now() - last < REAUTH_MIN_INTERVAL_MS) return false;
    sessionStorage.setItem(REAUTH_KEY, String(Date.now()));
  } catch {
    // Storage may be unavailable in some webviews: allow the attempt.
  }
  return true;
}

/** What LINE Login appends to the way back into the app (an external browser); LIFF has used them. */
const LOGIN_PARAMETERS = ['code', 'state', 'liffClientId', 'liffRedirectUri', 'liffIsEscapedFromApp'];

/** A one-time login code must not stay in the address bar, the history or a shared link. */
function dropLoginParameters(): void {
  const url = new URL(window.location.href);
  if (!LOGIN_PARAMETERS.some((p) => url.searchParams.has(p))) return;
  for (const p of LOGIN_PARAMETERS) url.searchParams.delete(p);
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
}

let modulesInstalled = false;

/** Only the pluggable LIFF modules this app calls: keeps the initial bundle small. */
function installModules(): void {
  if (modulesInstalled) return;
  modulesInstalled = true;
  // IsInClient first: the mock plugin reads liff.isInClient() when it is installed.
  liff.use(new IsInClient());
  liff.use(new IsLoggedIn());
  liff.use(new Login());
  liff.use(new Logout());
  liff.use(new GetIdToken());
  liff.use(new GetProfile());
}

/**
 * Initialises LIFF, logs in when needed (outside the LINE app this redirects to LINE Login and the
 * returned promise never settles), and resolves with the user's profile and token access.
 */
export async function startLiffSession(config: AppConfig): Promise<LiffSession> {
  installModules();
  if (config.mock) {
    const { installLiffMock } = await import('./liff-mock-setup');
    await installLiffMock(liff, config.liffId);
  } else {
    await liff.init({ liffId: config.liffId });
    if (!liff.isLoggedIn()) {
      liff.login({ redirectUri: window.location.href });
      return leavingPage();
    }
    dropLoginParameters();
  }

  const profile = await liff.getProfile();
  return {
    profile: {
      userId: profile.userId,
      displayName: profile.displayName,
      ...(profile.pictureUrl ? { pictureUrl: profile.pictureUrl } : {}),
    },
    getIdToken: () => liff.getIDToken(),
    reauthenticate: async () => {
      if (config.mock) {
        const { refreshMockIdToken } = await import('./liff-mock-setup');
        await refreshMockIdToken(liff, config.liffId);
        return;
      }
      if (!markReauthentication()) throw new Error('LINE re-authentication already attempted');
      liff.logout();
      if (liff.isInClient()) window.location.reload();
      else liff.login({ redirectUri: window.location.href });
      return leavingPage();
    },
  };
}
