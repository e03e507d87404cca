import { describe, expect, it } from 'vitest';
import { useSystem } from '../support/system';

// With the threshold at 0 ms every turn counts as slow, which makes the behaviour observable.
const sys = useSystem({ loadingAfterMs: 0 });

describe('loading animation', () => {
  it('shows LINE’s loading animation in the person’s chat when a turn is slow', async () => {
    const user = sys.newUserId();
    await sys.text(user, 'เมนู');
    await new Promise((r) => setTimeout(r, 50));
    const calls = sys.platform.requests({ path: '/v2/bot/chat/loading/start' });
    expect(calls.map((c) => c.body)).toContainEqual({ chatId: user, loadingSeconds: 5 });
    expect(calls.every((c) => c.status === 202)).toBe(true);
  });
});
