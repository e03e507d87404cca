// Local-only values. They are not secrets: the fake LINE platform accepts them and nothing else does.
export const DEV_PROJECT_ID = 'demo-phattana';

export const DEV_CHANNEL = {
  secret: 'phattana-dev-channel-secret',
  accessToken: 'phattana-dev-channel-access-token',
  loginChannelId: '2000000000',
  liffId: '2000000000-demoLiff',
} as const;

export const DEV_PORTS = {
  firestore: 8080,
  line: 9100,
  bot: 9000,
  liff: 5173,
} as const;
