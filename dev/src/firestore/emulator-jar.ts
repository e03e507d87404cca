import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Raised when no Cloud Firestore emulator jar can be found on this machine. */
export class EmulatorJarMissingError extends Error {
  override readonly name = 'EmulatorJarMissingError';
}

const JAR_IN_SDK = join('platform', 'cloud-firestore-emulator', 'cloud-firestore-emulator.jar');
const KNOWN_SDK_ROOTS = ['/usr/lib/google-cloud-sdk', '/usr/share/google-cloud-sdk', '/opt/google-cloud-sdk'];

export const INSTALL_HINT =
  'No Cloud Firestore emulator jar found: run `apt-get install google-cloud-cli-firestore-emulator` ' +
  '(Google Cloud apt repository) or set PHATTANA_FIRESTORE_EMULATOR_JAR=/path/to/cloud-firestore-emulator.jar';

/**
 * Finds Google's real Cloud Firestore emulator jar. Order: the env override, the gcloud SDK root
 * reported by `gcloud info`, then the usual Debian install paths. Nothing is ever downloaded.
 */
export function findEmulatorJar(env: NodeJS.ProcessEnv = process.env): string {
  const override = env.PHATTANA_FIRESTORE_EMULATOR_JAR;
  if (override) {
    if (existsSync(override)) return override;
    throw new EmulatorJarMissingError(
      `PHATTANA_FIRESTORE_EMULATOR_JAR points at ${override}, which does not exist`,
    );
  }
  for (const root of [...sdkRootFromGcloud(), ...KNOWN_SDK_ROOTS]) {
    const jar = join(root, JAR_IN_SDK);
    if (existsSync(jar)) return jar;
  }
  throw new EmulatorJarMissingError(INSTALL_HINT);
}

function sdkRootFromGcloud(): string[] {
  try {
    const out = execFileSync('gcloud', ['info', '--format=value(installation.sdk_root)'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 10_000,
      env: { ...process.env, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' },
    }).trim();
    return out ? [out] : [];
  } catch {
    return [];
  }
}
