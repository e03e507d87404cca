/** What the app reads from `import.meta.env` at build time (Vite inlines `VITE_*` variables). */
export interface AppConfig {
  readonly liffId: string;
  readonly apiBase: string;
  readonly mock: boolean;
}

/**
 * Kept as a module-level constant compared against a literal so the production build can drop the
 * mock branch (and its dynamic import) entirely.
 */
export const LIFF_MOCK = import.meta.env.VITE_LIFF_MOCK === '1';

const MOCK_LIFF_ID = 'mock-liff-id';
const DEFAULT_API_BASE = '/api';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export function readConfig(): AppConfig {
  const liffId = import.meta.env.VITE_LIFF_ID?.trim() || (LIFF_MOCK ? MOCK_LIFF_ID : '');
  if (!liffId) throw new ConfigError('VITE_LIFF_ID is not set');
  const apiBase = import.meta.env.VITE_API_BASE?.trim() || DEFAULT_API_BASE;
  return { liffId, apiBase, mock: LIFF_MOCK };
}
