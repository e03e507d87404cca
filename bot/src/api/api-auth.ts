import type { PersonContext, Role } from '@phattana/shared';
import type { NextFunction, Request, Response } from 'express';

// What every API route may rely on after the authentication middleware: the verified LINE user and the
// person from the staff record. Roles are the staff record's, read on the server at every request.

export type AuthedRequest = Request & { lineUserId: string; person: PersonContext };

/** The authenticated person; a route mounted without the API's authentication fails loudly. */
export function personOf(req: Request): PersonContext {
  const person = (req as { person?: PersonContext }).person;
  if (!person) throw new Error('API route mounted without the authentication middleware');
  return person;
}

export const hasRole = (person: PersonContext, roles: readonly Role[]): boolean =>
  person.roles.some((r) => roles.includes(r));

/** Refuses (403, in Thai) anyone who has none of these roles. */
export function requireRoles(...roles: Role[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (hasRole(personOf(req), roles)) {
      next();
      return;
    }
    res.status(403).json({ message: 'หน้านี้สำหรับผู้มีสิทธิ์เฉพาะ (เช่น ฝ่ายบุคคลหรือหัวหน้างาน) บัญชีของท่านไม่มีสิทธิ์นี้' });
  };
}
