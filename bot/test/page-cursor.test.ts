import { nameSortKey } from '@phattana/shared';
import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import {
  BAD_CURSOR,
  BAD_PAGE_SIZE,
  decodeCursor,
  encodeCursor,
  PAGE_SIZE_DEFAULT,
  pageParam,
} from '../src/api/page-cursor';
import { isTeamCursor } from '../src/people/team-members';
import { isKeyCursor } from '../src/store/query-page';

// The paged lists' cursor: what a route wrote comes back as it was; anything else (edited, cut short,
// another list's, not base64url, too long) is undefined, and the request a Thai 400.

function ask(query: Record<string, unknown>) {
  const sent: { status?: number; body?: { message: string } } = {};
  const res = {
    status(s: number) {
      sent.status = s;
      return res;
    },
    json(b: { message: string }) {
      sent.body = b;
      return res;
    },
  } as unknown as Response;
  return { page: pageParam({ query } as unknown as Request, res, isKeyCursor), sent };
}

describe('page cursor', () => {
  it('reads back what it wrote, Thai text included', () => {
    const key = ['นางสาวจิราพร ทดสอบ', 'E.017'] as const;
    expect(decodeCursor(encodeCursor(key), isKeyCursor)).toEqual(key);
    const walk = [
      // the walk passes people by their Thai sort key
      { s: 'E001', a: [nameSortKey('ปลัด'), 'E002'] },
      { s: 'E002', a: null },
    ];
    expect(decodeCursor(encodeCursor(walk), isTeamCursor)).toEqual(walk);
  });

  it('refuses what it did not write', () => {
    for (const raw of ['', '%%%', 'a'.repeat(5000), encodeCursor({ a: 1 }), encodeCursor(['x', '../y'])])
      expect(decodeCursor(raw, isKeyCursor)).toBeUndefined();
    // a key cursor is not a team walk, nor the other way round
    expect(decodeCursor(encodeCursor(['ชื่อ', 'E001']), isTeamCursor)).toBeUndefined();
    expect(decodeCursor(encodeCursor([{ s: 'E001', a: null }]), isKeyCursor)).toBeUndefined();
    // deeper than any team walk
    const deep = Array.from({ length: 7 }, (_, i) => ({ s: `E00${i}`, a: null }));
    expect(decodeCursor(encodeCursor(deep), isTeamCursor)).toBeUndefined();
  });

  it('gives the default page size, and a Thai 400 for a size or cursor not accepted', () => {
    expect(ask({}).page).toEqual({ limit: PAGE_SIZE_DEFAULT, after: undefined });
    expect(ask({ limit: '200', cursor: encodeCursor([5, 'T1']) }).page).toEqual({
      limit: 200,
      after: [5, 'T1'],
    });
    for (const limit of ['0', '201', '1.5', '-3', 'ห้า', ['10', '20']]) {
      const { page, sent } = ask({ limit });
      expect(page).toBeUndefined();
      expect(sent).toEqual({ status: 400, body: expect.objectContaining({ message: BAD_PAGE_SIZE }) });
    }
    for (const cursor of ['!!', encodeCursor('x'), ['a', 'b']]) {
      const { page, sent } = ask({ cursor });
      expect(page).toBeUndefined();
      expect(sent).toEqual({ status: 400, body: expect.objectContaining({ message: BAD_CURSOR }) });
    }
  });
});
