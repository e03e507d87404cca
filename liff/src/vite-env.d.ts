/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The LIFF app id from the LINE Developers console. Required unless VITE_LIFF_MOCK is '1'. */
  readonly VITE_LIFF_ID?: string;
  /** Base URL of the Phattana API, e.g. `https://example.web.app/api`. Defaults to `/api`. */
  readonly VITE_API_BASE?: string;
  /** '1' in local development: LIFF runs against @line/liff-mock instead of LINE. */
  readonly VITE_LIFF_MOCK?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
