import { hkdfSync } from 'node:crypto';

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

export interface BotConfig {
  channelSecret: string;
  channelAccessToken: string;
  /** LINE API base; the local fake LINE platform in dev and tests */
  lineApiBase: string;
  lineDataApiBase: string;
  postbackSecret: string;
  /** which municipality this LINE channel serves, and what its privacy notice says */
  organisation: OrganisationConfig;
  /** secret mixed into birth-date hashes; the employee import must use the same one */
  birthDatePepper: string;
  /** the LIFF app's LINE Login channel and web origins; without it the LIFF API is off */
  lineLogin?: { channelId: string; liffId?: string; allowedOrigins: string[] };
  /**
   * the webhook app's public https address (PUBLIC_BASE_URL): LINE fetches the report photos shown in
   * approval cards from `<it>/media/…`; without it the cards carry no pictures
   */
  publicBaseUrl?: string;
}

export interface OrganisationConfig {
  municipalityId: string;
  municipalityName: string;
  retentionYears: number;
  contact: string;
}

/** Reads configuration from the environment (Functions secrets arrive as env vars too). */
export function botConfigFromEnv(env: NodeJS.ProcessEnv = process.env): BotConfig {
  const need = (name: string) => {
    const v = env[name];
    if (!v) throw new ConfigError(`${name} is not set`);
    return v;
  };
  const channelSecret = need('LINE_CHANNEL_SECRET');
  return {
    channelSecret,
    channelAccessToken: need('LINE_CHANNEL_ACCESS_TOKEN'),
    lineApiBase: env.LINE_API_BASE ?? 'https://api.line.me',
    lineDataApiBase: env.LINE_DATA_API_BASE ?? env.LINE_API_BASE ?? 'https://api-data.line.me',
    postbackSecret: env.POSTBACK_SECRET ?? derivePostbackSecret(channelSecret),
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
    organisation: {
      municipalityId: need('MUNICIPALITY_ID'),
      municipalityName: need('MUNICIPALITY_NAME'),
      retentionYears: Number(env.RETENTION_YEARS ?? 10),
      contact: need('PRIVACY_CONTACT'),
    },
    birthDatePepper: need('BIRTH_DATE_PEPPER'),
    lineLogin: env.LIFF_CHANNEL_ID
      ? {
          channelId: env.LIFF_CHANNEL_ID,
          liffId: env.LIFF_ID,
          allowedOrigins: (env.LIFF_ORIGINS ?? '').split(',').filter(Boolean),
        }
      : undefined,
  };
}

/** A key of its own for postback signatures, derived so a deployment needs no extra secret. */
export function derivePostbackSecret(channelSecret: string): string {
  return Buffer.from(hkdfSync('sha256', channelSecret, 'phattana', 'postback-signing', 32)).toString(
    'base64url',
  );
}
