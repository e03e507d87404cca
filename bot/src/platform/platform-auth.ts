import { isLineUserId } from '@phattana/shared';
import type { Request, Response } from 'express';
import type { Firestore } from 'firebase-admin/firestore';
import { IdTokenError, type IdTokenVerifier } from '../api/id-token-verifier';
import { homeOfLineUser, type LineUserHome } from './line-user-index';

/**
 * The verified LINE user of a platform-level page (region, platform admin) and where the index says they
 * belong; undefined once a Thai refusal has been sent. These people are nobody's employees, so the
 * municipalities' own authentication (the staff record) does not apply.
 */
export async function platformUser(
  d: { verifier: IdTokenVerifier | undefined; db: Firestore },
  req: Request,
  res: Response,
): Promise<{ sub: string; home: LineUserHome | undefined } | undefined> {
  res.setHeader('cache-control', 'no-store');
  const token = /^Bearer (.+)$/.exec(req.header('authorization') ?? '')?.[1];
  if (!token || !d.verifier) {
    res.status(401).json({ message: 'กรุณาเข้าสู่ระบบผ่าน LINE' });
    return undefined;
  }
  try {
    const { sub } = await d.verifier.verify(token);
    return { sub, home: isLineUserId(sub) ? await homeOfLineUser(d.db, sub) : undefined };
  } catch (err) {
    if (!(err instanceof IdTokenError)) throw err;
    res.status(err.reason === 'unavailable' ? 503 : 401).json({
      message:
        err.reason === 'unavailable'
          ? 'ระบบยืนยันตัวตนของ LINE ไม่ตอบสนองชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่'
          : 'ยืนยันตัวตนไม่สำเร็จ กรุณาปิดแล้วเปิดหน้านี้ใหม่จาก LINE',
    });
    return undefined;
  }
}
