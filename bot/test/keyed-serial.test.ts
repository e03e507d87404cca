import { describe, expect, it } from 'vitest';
import { createKeyedSerial } from '../src/webhook/keyed-serial';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('keyed serial execution', () => {
  it('runs one key in submission order even when earlier tasks are slower', async () => {
    const serial = createKeyedSerial();
    const done: string[] = [];
    await Promise.all([
      serial('u1', async () => {
        await tick(30);
        done.push('a');
      }),
      serial('u1', async () => {
        done.push('b');
      }),
      serial('u2', async () => {
        done.push('other');
      }),
    ]);
    expect(done).toEqual(['other', 'a', 'b']);
  });

  it('keeps going after a failed task', async () => {
    const serial = createKeyedSerial();
    const failed = serial('u', async () => {
      throw new Error('boom');
    });
    await expect(failed).rejects.toThrow('boom');
    await expect(serial('u', async () => 42)).resolves.toBe(42);
  });
});
