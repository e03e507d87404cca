import { describe, expect, it } from 'vitest';
import { ApiAuthError, type ApiClient, SESSION_EXPIRED_TEXT } from '../../liff/src/api-client';
import { ApiRefusal, apiSend, CONNECTION_LOST_TEXT, json } from '../../liff/src/api-send';
import { DevelopmentApiError, loadMyHours } from '../../liff/src/development-api';
import { HrApiError, loadSettings } from '../../liff/src/hr-api';
import { loadReport, ReportApiError } from '../../liff/src/report-api';

// Every LIFF client answers the same way: the server's Thai message for a refusal, one Thai text for an
// expired login, one for a lost connection, one for an answer that is not the API's.

const answering = (respond: () => Response | Promise<Response>): ApiClient => ({
  request: async () => respond(),
  getJson: async () => {
    throw new Error('not used');
  },
});
const failing = (err: Error): ApiClient => answering(() => Promise.reject(err));

/** Each client's first call, with the refusal class its pages check. */
const CLIENTS = [
  { name: 'HR', call: (api: ApiClient) => loadSettings(api), Refusal: HrApiError },
  { name: 'development', call: (api: ApiClient) => loadMyHours(api), Refusal: DevelopmentApiError },
  { name: 'report', call: (api: ApiClient) => loadReport(api, 'r1'), Refusal: ReportApiError },
  // the survey client (survey-admin-api.ts) sends the same way; it is not imported here because it
  // also saves files, which needs the browser's document (its refusals are checked in liff-hr-surveys)
] as const;

async function refusal(p: Promise<unknown>): Promise<ApiRefusal> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiRefusal)) throw new Error(`expected a refusal, got ${String(err)}`);
  return err;
}

describe('one API client for every LIFF page', () => {
  for (const c of CLIENTS) {
    it(`${c.name}: the server's Thai refusal, an expired login, a lost connection, a stray page`, async () => {
      const refused = await refusal(
        c.call(answering(() => Response.json({ message: 'ไม่มีสิทธิ์ทำรายการนี้' }, { status: 403 }))),
      );
      expect(refused).toBeInstanceOf(c.Refusal);
      expect([refused.message, refused.status]).toEqual(['ไม่มีสิทธิ์ทำรายการนี้', 403]);

      const expired = await refusal(c.call(failing(new ApiAuthError('no token'))));
      expect(expired).toBeInstanceOf(c.Refusal);
      expect([expired.message, expired.status]).toEqual([SESSION_EXPIRED_TEXT, 401]);

      const lost = await refusal(c.call(failing(new TypeError('Failed to fetch'))));
      expect(lost).toBeInstanceOf(c.Refusal);
      expect([lost.message, lost.status]).toEqual([CONNECTION_LOST_TEXT, 0]);

      const stray = await refusal(
        c.call(answering(() => new Response('<html></html>', { headers: { 'content-type': 'text/html' } }))),
      );
      expect(stray.message).toContain('ระบบตอบกลับไม่ถูกต้อง (200)');
    });
  }

  it('keeps field errors for forms and the problems a refusal lists', async () => {
    const form = await refusal(
      loadSettings(
        answering(() =>
          Response.json({ message: 'ข้อมูลไม่ถูกต้อง', errors: { hoursTarget: 'ต้องเป็นตัวเลข' } }, { status: 400 }),
        ),
      ),
    );
    expect((form as HrApiError).errors).toEqual({ hoursTarget: 'ต้องเป็นตัวเลข' });
    const survey = await refusal(
      apiSend(
        answering(() => Response.json({ message: 'แบบสำรวจไม่ถูกต้อง', errors: ['ไม่มีชื่อ', 7] }, { status: 400 })),
        'surveys',
        json('POST', {}),
      ),
    );
    expect(survey.problems).toEqual(['ไม่มีชื่อ']);
    expect(survey.fieldErrors).toEqual({});
  });

  it('returns the JSON of a 2xx answer and says the status when the server gave no message', async () => {
    let seen: RequestInit | undefined;
    const api: ApiClient = {
      request: async (_path, init) => {
        seen = init;
        return Response.json({ saved: true });
      },
      getJson: async <T>() => ({}) as T,
    };
    expect(await apiSend(api, 'x', json('PUT', { a: 1 }))).toEqual({ saved: true });
    expect(seen?.method).toBe('PUT');
    expect(seen?.body).toBe('{"a":1}');
    const bare = await refusal(
      apiSend(
        answering(() => Response.json({}, { status: 500 })),
        'x',
        json('POST'),
      ),
    );
    expect(bare.message).toBe('ทำรายการไม่สำเร็จ (500)');
  });
});
