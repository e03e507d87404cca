import { describe, expect, it } from 'vitest';
import { useTestStorage } from '../support/storage';

// The Cloud Storage adapter against the Firebase Storage emulator (firebase-tools' own server), through
// firebase-admin exactly as the bot uses it in production.
describe('Cloud Storage media store', () => {
  const storage = useTestStorage();

  it('puts, reads back and overwrites objects with their content type', async () => {
    const path = 'municipalities/demo/reports/TR1__E1/photos/1001';
    expect(await storage.media.exists(path)).toBe(false);
    expect(await storage.media.get(path)).toBeUndefined();

    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    await storage.media.put(path, jpeg, 'image/jpeg');
    expect(await storage.media.exists(path)).toBe(true);
    expect(await storage.media.get(path)).toEqual({ bytes: jpeg, contentType: 'image/jpeg' });

    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
    await storage.media.put(path, png, 'image/png');
    expect(await storage.media.get(path)).toEqual({ bytes: png, contentType: 'image/png' });
    const [files] = await storage.bucket.getFiles({ prefix: 'municipalities/demo/' });
    expect(files.map((f) => f.name)).toEqual([path]);
  });

  it('keeps a 10 MB photo byte for byte', async () => {
    const big = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < big.length; i += 4096) big[i] = i % 251;
    await storage.media.put('big/photo', big, 'image/jpeg');
    const back = await storage.media.get('big/photo');
    expect(back?.bytes.length).toBe(big.length);
    expect(back?.bytes.equals(big)).toBe(true);
  });

  it('refuses clients: objects are not readable without the admin credential', async () => {
    await storage.media.put('private/one', Buffer.from('x'), 'image/png');
    const name = encodeURIComponent('private/one');
    const res = await fetch(`http://${storage.hostPort}/v0/b/${storage.bucket.name}/o/${name}?alt=media`);
    expect(res.status).toBe(403);
  });

  it('refuses unauthenticated uploads, reads and listings on the Cloud Storage API too', async () => {
    await storage.media.put('private/two', Buffer.from('x'), 'image/png');
    const b = storage.bucket.name;
    const base = `http://${storage.hostPort}`;
    const attempts = [
      fetch(`${base}/upload/storage/v1/b/${b}/o?uploadType=media&name=evil.png`, {
        method: 'POST',
        headers: { 'content-type': 'image/png' },
        body: 'x',
      }),
      fetch(`${base}/v0/b/${b}/o?name=evil2.png`, { method: 'POST', body: 'x' }),
      fetch(`${base}/storage/v1/b/${b}/o`),
      fetch(`${base}/download/storage/v1/b/${b}/o/${encodeURIComponent('private/two')}?alt=media`),
      fetch(`${base}/b/${b}/o/${encodeURIComponent('private/two')}?alt=media`),
      fetch(`${base}/storage/v1/b/${b}/o/${encodeURIComponent('private/two')}`, { method: 'DELETE' }),
      fetch(`${base}/internal/reset`, { method: 'POST' }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    expect(await storage.media.get('evil.png')).toBeUndefined();
    expect((await storage.media.get('private/two'))?.bytes.toString()).toBe('x');
  });
});
