import { createHmac } from 'node:crypto';

/** The birth date is never stored, only this keyed hash of it with the employee code. */
export function birthDateHash(pepper: string, code: string, birthDate: string): string {
  return createHmac('sha256', pepper).update(`${code}|${birthDate}`).digest('hex');
}
