import { type ParseArgsConfig, parseArgs } from 'node:util';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { type Firestore, getFirestore } from 'firebase-admin/firestore';
import { DEV_PROJECT_ID } from '../../dev/src/dev-settings';

/** Options every HR command takes: which municipality, which project, and who is acting. */
const COMMON = {
  municipality: { type: 'string', default: 'demo' },
  project: { type: 'string' },
  by: { type: 'string', default: process.env.USER ?? 'hr' },
} as const;

/**
 * Parses an HR command line and opens Firestore: the emulator's dev project when
 * FIRESTORE_EMULATOR_HOST is set (against `npm start`), else the deployed project's credentials.
 */
export function openHrCli<O extends NonNullable<ParseArgsConfig['options']>>(name: string, options: O) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { ...COMMON, ...options } });
  const v = values as Record<string, string | undefined>;
  const projectId = v.project ?? (process.env.FIRESTORE_EMULATOR_HOST ? DEV_PROJECT_ID : undefined);
  const app = initializeApp(projectId ? { projectId } : {}, name);
  const db: Firestore = getFirestore(app);
  return {
    positionals,
    values: v,
    db,
    municipality: db.collection('municipalities').doc(v.municipality ?? 'demo'),
    by: v.by ?? 'hr',
    close: () => deleteApp(app),
  };
}
