/** Structured logs: one JSON object per line. Never put message text or names in here, only ids. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

export function createJsonLogger(
  write: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
): Logger {
  const log = (severity: string) => (msg: string, fields?: Record<string, unknown>) =>
    write(JSON.stringify({ severity, msg, time: new Date().toISOString(), ...fields }));
  return { info: log('INFO'), warn: log('WARNING'), error: log('ERROR') };
}

/** Keeps log lines in memory; for tests and benchmarks. */
export function createMemoryLogger() {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createJsonLogger((l) => lines.push(JSON.parse(l) as Record<string, unknown>));
  return { logger, lines };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
