import { readFileSync } from 'node:fs';

/**
 * CPU time spent during a phase, by this Node process (load generator, bot, fake LINE platform) and by
 * the emulator's JVM, so a figure says which side the time went to.
 */
export function startCpuMeter(emulatorPid: number) {
  const node0 = process.cpuUsage();
  const jvm0 = processCpuMs(emulatorPid);
  const wall0 = performance.now();
  return () => {
    const d = process.cpuUsage(node0);
    return {
      wallMs: performance.now() - wall0,
      nodeMs: (d.user + d.system) / 1000,
      emulatorMs: processCpuMs(emulatorPid) - jvm0,
    };
  };
}

/** utime + stime of a process from /proc (Linux); 0 where that is not available. */
function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the command name may hold spaces: fields start after its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return 0;
  }
}
