import { writeFile } from 'node:fs/promises';

/**
 * The inspector's CPU profiler in this process (the bot, the fake LINE platform and the load generator
 * all run here; the emulator's JVM does not), for one phase of a bench.
 */
export async function startCpuProfile() {
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return {
    async stopInto(file: string) {
      const { profile } = await session.post('Profiler.stop');
      await writeFile(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`cpu profile written to ${file}`);
    },
  };
}
