import { type BotConfig, derivePostbackSecret } from '@phattana/bot';
import { DEMO_MUNICIPALITY_ID, demoMunicipality } from './seed/demo-municipality';

// Local-only values. They are not secrets: the fake LINE platform accepts them and nothing else does.
export const DEV_PROJECT_ID = 'demo-phattana';
/** the storage emulator's bucket for report photos (any name works there) */
export const DEV_STORAGE_BUCKET = `${DEV_PROJECT_ID}.appspot.com`;

export const DEV_CHANNEL = {
  secret: 'phattana-dev-channel-secret',
  accessToken: 'phattana-dev-channel-access-token',
  loginChannelId: '2000000000',
  liffId: '2000000000-demoLiff',
} as const;

export const DEV_PORTS = {
  firestore: 8080,
  storage: 9199,
  line: 9100,
  bot: 9000,
  liff: 5173,
} as const;

/** The bot's configuration for local runs, tests and benchmarks against the fake LINE platform. */
export function localBotConfig(o: {
  channelSecret: string;
  channelAccessToken: string;
  lineBase: string;
  liffOrigins?: string[];
}): BotConfig {
  return {
    channelSecret: o.channelSecret,
    channelAccessToken: o.channelAccessToken,
    lineApiBase: o.lineBase,
    lineDataApiBase: o.lineBase,
    postbackSecret: derivePostbackSecret(o.channelSecret),
    organisation: {
      municipalityId: DEMO_MUNICIPALITY_ID,
      municipalityName: demoMunicipality.name,
      retentionYears: 10,
      contact: 'งานการเจ้าหน้าที่ สำนักปลัดเทศบาล โทร 043-000-000',
    },
    birthDatePepper: DEV_BIRTH_DATE_PEPPER,
    lineLogin: {
      channelId: DEV_CHANNEL.loginChannelId,
      liffId: DEV_CHANNEL.liffId,
      allowedOrigins: o.liffOrigins ?? [],
    },
  };
}

export const DEV_BIRTH_DATE_PEPPER = 'phattana-dev-birth-date-pepper';
