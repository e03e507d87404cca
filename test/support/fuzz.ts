import {
  buildFollowEvent,
  buildImageEvent,
  buildPostbackEvent,
  buildTextEvent,
  buildUnfollowEvent,
  newWebhookEventId,
} from '../../dev/src/simulator/webhook-events';

// A seeded generator of odd inputs: the same seed gives the same bodies and calls, so a failure
// found by one run can be replayed (FUZZ_SEED=… npx vitest run test/integration/fuzz.test.ts).

/** mulberry32: small, fast, good enough to pick mutations. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}
export type Random = ReturnType<typeof seededRandom>;

/** Ids Firestore reserves or cannot take, and what a path can smuggle in. */
export const ODD_IDS = [
  '.',
  '..',
  '__x__',
  '__X__',
  '__.__',
  '____',
  'a/b',
  '/',
  ' ',
  '',
  'x'.repeat(1600),
  'ก'.repeat(600),
  '%',
  '\u0000',
  '\uD800',
  '💥',
  'null',
  'undefined',
  '[object Object]',
  'constructor',
  '__proto__',
] as const;

/** Path segments as a client may send them: the ids above encoded, plus malformed percent-encoding. */
export const ODD_PATH_SEGMENTS = [
  ...ODD_IDS.filter((s) => s !== '' && s !== '.' && s !== '..' && s !== '\uD800').map((s) =>
    encodeURIComponent(s),
  ),
  '%2E',
  '%2E%2E',
  '%ZZ',
  '%C0%AE',
  '%C0%AE%C0%AE',
  '%E0%B8',
  '%FF',
  '%',
  '%2F',
  'a%2Fb',
  '%00',
  '%5F%5Fx%5F%5F',
];

const ODD_VALUES: readonly unknown[] = [
  null,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  '',
  'x'.repeat(5000),
  [],
  [1, 2],
  {},
  { $gt: '' },
  { toString: 'x' },
  ...ODD_IDS,
];

const TEXTS = [
  'เมนู',
  'ลงทะเบียน',
  'ยกเลิก',
  'แบบสำรวจ',
  'ส่งรายงาน',
  'แจ้งอบรมภายนอก',
  '1',
  '5/3/2530',
  ...ODD_IDS,
];

type Json = Record<string, unknown>;

/** One well-formed event of a random kind, from a small pool of users so turns meet each other. */
function baseEvent(r: Random, users: readonly string[], replyToken: () => string): Json {
  const userId = r.pick(users);
  switch (r.int(6)) {
    case 0:
    case 1:
      return buildTextEvent({ userId, text: r.pick(TEXTS), replyToken: replyToken() });
    case 2:
      return buildPostbackEvent({
        userId,
        replyToken: replyToken(),
        data: r.pick(['', 'a=1', '{"a":"x"}', 'v1.x.y', ...ODD_IDS]),
        ...(r.chance(0.3) ? { params: { date: r.pick(['2026-12-01', '', '..', '9999-99-99']) } } : {}),
      });
    case 3:
      return buildImageEvent({ userId, replyToken: replyToken() });
    case 4:
      return buildFollowEvent({ userId, replyToken: replyToken() });
    default:
      return buildUnfollowEvent({ userId });
  }
}

const FIELDS = [
  'type',
  'mode',
  'timestamp',
  'source',
  'source.type',
  'source.userId',
  'webhookEventId',
  'deliveryContext',
  'replyToken',
  'message',
  'message.type',
  'message.id',
  'message.text',
  'postback',
  'postback.data',
  'postback.params',
];

function setPath(o: Json, path: string, value: unknown, remove: boolean) {
  const [head, tail] = path.split('.') as [string, string | undefined];
  if (tail === undefined) {
    if (remove) delete o[head];
    else o[head] = value;
    return;
  }
  const inner = o[head];
  if (inner && typeof inner === 'object' && !Array.isArray(inner))
    setPath(inner as Json, tail, value, remove);
}

/** An event with one to three fields removed, retyped, or given an odd id, time or type. */
function mutate(r: Random, e: Json): unknown {
  if (r.chance(0.03)) return r.pick(ODD_VALUES);
  const out = structuredClone(e);
  const n = 1 + r.int(3);
  for (let i = 0; i < n; i++) {
    const field = r.pick(FIELDS);
    switch (r.int(6)) {
      case 0:
        setPath(out, field, undefined, true);
        break;
      case 1:
      case 2:
        setPath(out, field, r.pick(ODD_VALUES), false);
        break;
      case 3:
        setPath(
          out,
          'timestamp',
          r.pick([0, -5, Date.now() - 400 * 86_400_000, Date.now() + 86_400_000, '1', 1.5]),
          false,
        );
        break;
      case 4:
        setPath(out, 'type', r.pick(['message', 'postback', 'follow', 'join', 'x', 'memberJoined']), false);
        break;
      default:
        setPath(out, 'source.userId', r.pick([...ODD_IDS, `U${'0'.repeat(32)}`, 'Uabc']), false);
    }
  }
  return out;
}

/**
 * One webhook body: a few events, mostly mutated, some untouched, some replays of an earlier event id
 * (a captured body sent again).
 */
export function fuzzBody(
  r: Random,
  users: readonly string[],
  replyToken: () => string,
  seen: string[],
): { destination: unknown; events: unknown } {
  const count = 1 + r.int(4);
  const events: unknown[] = [];
  for (let i = 0; i < count; i++) {
    const e = baseEvent(r, users, replyToken);
    e.webhookEventId = newWebhookEventId(Date.now()) + r.int(1e6).toString(36);
    if (seen.length > 0 && r.chance(0.1)) e.webhookEventId = r.pick(seen);
    else seen.push(e.webhookEventId as string);
    events.push(r.chance(0.75) ? mutate(r, e) : e);
  }
  if (r.chance(0.02)) return { destination: 'U0', events: r.pick(ODD_VALUES) };
  return { destination: r.chance(0.95) ? 'Uphattanafuzz000000000000000000000' : r.pick(ODD_VALUES), events };
}

/** A JSON body for an API route: an object with odd values under the names routes read. */
export function fuzzApiBody(r: Random): string {
  if (r.chance(0.1)) return r.pick(['', '{', 'null', '[]', '"x"', '{"__proto__":{"a":1}}']);
  const keys = [
    'id',
    'employeeId',
    'reportId',
    'surveyId',
    'decision',
    'version',
    'fy',
    'answers',
    'goals',
    'ids',
    'attendees',
    'from',
    'copyFrom',
    'stopAt',
    'status',
    'comment',
  ];
  const body: Json = {};
  for (let i = 0; i < 1 + r.int(4); i++) body[r.pick(keys)] = r.pick(ODD_VALUES);
  return JSON.stringify(body);
}
