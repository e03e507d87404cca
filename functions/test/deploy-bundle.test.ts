import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const dir = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${dir}lib/index.js`;

// `firebase deploy` runs the predeploy build, then Cloud Build runs `npm install` in functions/ only:
// the bundle may import nothing but Node built-ins and the packages functions/package.json declares.
describe('functions deploy bundle', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['build.mjs'], { cwd: dir, stdio: 'pipe' });
  }, 60_000);

  it('imports only Node built-ins and declared dependencies', () => {
    const pkg = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const code = readFileSync(bundle, 'utf8');
    const specifiers = new Set(
      [...code.matchAll(/(?:^|[;\s])(?:import|export)[^'"]*?from\s*["']([^"']+)["']/gm)].map(
        (m) => m[1] as string,
      ),
    );
    expect(specifiers.size).toBeGreaterThan(0);
    for (const s of specifiers) {
      const bare = s.replace(/^node:/, '');
      const pkgName = s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : (s.split('/')[0] as string);
      const ok = builtinModules.includes(bare) || pkgName in pkg.dependencies;
      expect(ok, `bundle imports ${s}`).toBe(true);
    }
  });

  it('declares the webhook and task-queue endpoints with their secrets', async () => {
    const mod = (await import(bundle)) as Record<string, { __endpoint?: Record<string, unknown> }>;
    expect(mod.line?.__endpoint).toMatchObject({
      platform: 'gcfv2',
      region: ['asia-southeast1'],
      httpsTrigger: {},
    });
    const secretVars = (mod.line?.__endpoint?.secretEnvironmentVariables ?? []) as Array<{ key: string }>;
    const secrets = secretVars.map((s) => s.key);
    expect(secrets.sort()).toEqual(['BIRTH_DATE_PEPPER', 'LINE_CHANNEL_ACCESS_TOKEN', 'LINE_CHANNEL_SECRET']);
    // the LIFF/HR API is its own function, so an HR import never takes the webhook's CPU
    expect(mod.api?.__endpoint).toMatchObject({ region: ['asia-southeast1'], httpsTrigger: {} });
    // the webhook keeps warm instances by default (a parameter, 0 allowed)
    expect(String(mod.line?.__endpoint?.minInstances)).toContain('WEBHOOK_MIN_INSTANCES');
    expect(mod.lineTasks?.__endpoint).toHaveProperty('taskQueueTrigger');
    // the morning scheduler runs in Thai time, and holiday edits move open due dates
    expect(mod.dailyReports?.__endpoint).toMatchObject({
      scheduleTrigger: { schedule: '30 8 * * *', timeZone: 'Asia/Bangkok' },
    });
    expect(JSON.stringify(mod.holidayChanged?.__endpoint?.eventTrigger)).toContain('holidays/{date}');
    // PDPA: the nightly retention job, in Thai time
    expect(mod.retention?.__endpoint).toMatchObject({ scheduleTrigger: { timeZone: 'Asia/Bangkok' } });
  });

  it('targets the Node version the project runs on', () => {
    const fb = JSON.parse(readFileSync(`${dir}../firebase.json`, 'utf8')) as {
      functions: Array<{ runtime: string }>;
    };
    const pkg = JSON.parse(readFileSync(`${dir}package.json`, 'utf8')) as { engines: { node: string } };
    expect(fb.functions[0]?.runtime).toBe(`nodejs${pkg.engines.node}`);
    expect(process.versions.node.split('.')[0]).toBe(pkg.engines.node);
  });
});
