import { describe, expect, it } from 'vitest';
import type { LineClient } from '../src/line/line-client';
import { withMunicipalityRetryKeys } from '../src/line/municipality-retry-keys';

// The retry keys a municipality's bot sends: one per key within the municipality (a retry is still
// recognised by LINE), never the same as another municipality's for the same key.

function recording() {
  const sent: { call: string; to: unknown; key: string }[] = [];
  const line = {
    push: async (to: string, _m: unknown, key: string) => void sent.push({ call: 'push', to, key }),
    multicast: async (to: readonly string[], _m: unknown, key: string) =>
      void sent.push({ call: 'multicast', to, key }),
    reply: async (token: string) => void sent.push({ call: 'reply', to: token, key: '' }),
  } as unknown as LineClient;
  return { line, sent };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const KEY = '0d9a6c2e-5b1f-4c3e-9a7d-2f8e6b4c1a0e';

describe('retry keys per municipality', () => {
  it('the same key is the same UUID within a municipality and a different one in another', async () => {
    const { line, sent } = recording();
    const a = withMunicipalityRetryKeys(line, 'tessaban-a');
    const b = withMunicipalityRetryKeys(line, 'tessaban-b');
    await a.push('U1', [], KEY);
    await a.push('U1', [], KEY); // a retry
    await b.push('U1', [], KEY);
    await a.multicast(['U1', 'U2'], [], KEY);
    await b.multicast(['U1', 'U2'], [], KEY);
    const [a1, a2, b1, am, bm] = sent.map((s) => s.key);
    for (const k of [a1, b1, am, bm]) expect(k).toMatch(UUID);
    expect(a2).toBe(a1);
    expect(b1).not.toBe(a1);
    expect(bm).not.toBe(am);
    expect(new Set([a1, b1, KEY]).size).toBe(3);
  });

  it('passes every other call through unchanged', async () => {
    const { line, sent } = recording();
    await withMunicipalityRetryKeys(line, 'tessaban-a').reply('token-1', []);
    expect(sent).toEqual([{ call: 'reply', to: 'token-1', key: '' }]);
  });
});
