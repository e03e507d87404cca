import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type RequestHandler } from 'express';
import { afterAll, beforeAll } from 'vitest';
import { jsonBodyErrors } from '../../src/api/api-input';

// One in-process express server per route test file: the signed-in person injected as the auth
// middleware would, the router under its mount, the shared JSON body errors, port 0, closed after all.

/** who the request is from, as the auth middleware sets it (read at each request, so tests may change it) */
export interface HarnessPerson {
  readonly employeeId: string;
  readonly name: string;
  readonly roles: readonly string[];
}

export interface RouteCall {
  readonly method?: string;
  /** sent as JSON */
  readonly body?: unknown;
  /** sent as is (malformed JSON), instead of `body` */
  readonly raw?: string;
}

export interface RouteAnswer {
  readonly status: number;
  // biome-ignore lint/suspicious/noExplicitAny: response bodies, read by assertions
  readonly body: any;
}

export interface RouteHarness {
  /** the address of `path` under the mount, for raw fetches (uploads, files) */
  url(path?: string): string;
  /** a JSON request under the mount: its status and parsed body */
  call(path: string, o?: RouteCall): Promise<RouteAnswer>;
  /** the same, with the answer's cache-control (kept apart so whole-answer equality stays as it was) */
  callWithCacheHeader(path: string, o?: RouteCall): Promise<RouteAnswer & { readonly cache: string | null }>;
}

export function serveRoutes(o: {
  readonly mount: string;
  /** the router, made again at each request so a test can swap the in-memory service it is given */
  readonly router: () => RequestHandler;
  /** none: no person on the request (routes that check a signed link instead) */
  readonly person?: () => HarnessPerson;
}): RouteHarness {
  let server: Server | undefined;
  let base = '';
  beforeAll(async () => {
    const app = express();
    const person = o.person;
    if (person)
      app.use((req, _res, next) => {
        Object.assign(req, { person: person() });
        next();
      });
    app.use(o.mount, (req, res, next) => o.router()(req, res, next));
    app.use(jsonBodyErrors);
    const listening = app.listen(0, '127.0.0.1');
    server = listening;
    await new Promise<void>((r) => listening.once('listening', () => r()));
    base = `http://127.0.0.1:${(listening.address() as AddressInfo).port}${o.mount}`;
  });
  afterAll(async () => {
    const s = server;
    if (s) await new Promise<void>((r) => s.close(() => r()));
  });
  const url = (path = '') => `${base}${path}`;
  const send = (path: string, c: RouteCall = {}) =>
    fetch(url(path), {
      method: c.method ?? 'GET',
      headers: { 'content-type': 'application/json' },
      body: c.raw ?? (c.body === undefined ? undefined : JSON.stringify(c.body)),
    });
  return {
    url,
    async call(path, c) {
      const res = await send(path, c);
      return { status: res.status, body: await res.json() };
    },
    async callWithCacheHeader(path, c) {
      const res = await send(path, c);
      return { status: res.status, body: await res.json(), cache: res.headers.get('cache-control') };
    },
  };
}
