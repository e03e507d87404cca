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

/** An error class whose messages are written for HR (Thai, saying what to fix). */
type HrErrorClass = abstract new (...args: never[]) => Error;

/**
 * Runs an HR command and exits with the code its main returns. An error HR can fix (one of `expected`)
 * prints its Thai message, and the problems it lists if it has any, and exits with `expectedCode`; any
 * other error prints in full and exits 1.
 */
export function runHrCli(
  main: () => Promise<number>,
  expected: readonly HrErrorClass[] = [],
  expectedCode = 1,
): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (!expected.some((E) => err instanceof E)) {
        console.error(err);
        process.exit(1);
      }
      const { message, errors } = err as Error & { errors?: unknown };
      console.error(message);
      if (Array.isArray(errors)) for (const e of errors) console.error(`  - ${e}`);
      process.exit(expectedCode);
    },
  );
}

/** Prints how to use a command; its exit code (2). */
export function usage(...lines: string[]): number {
  console.error(lines.join('\n'));
  return 2;
}
