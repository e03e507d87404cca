/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The LIFF app id from the LINE Developers console. Required unless VITE_LIFF_MOCK is '1'. */
  readonly VITE_LIFF_ID?: string;
  /** Base URL of the Phattana API, e.g. `https://example.web.app/api`. Defaults to `/api`. */
  readonly VITE_API_BASE?: string;
  /** '1' in local development: LIFF runs against @line/liff-mock instead of LINE. */
  readonly VITE_LIFF_MOCK?: string;
  /** Local development: the fake LINE platform, whose dev LINE Login signs real ID tokens. */
  readonly VITE_LINE_DEV_BASE?: string;
  /** The LINE Login channel id the ID tokens are issued for (their `aud`). */
  readonly VITE_LOGIN_CHANNEL_ID?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
