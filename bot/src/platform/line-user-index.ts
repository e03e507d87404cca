import type { DocumentReference, DocumentSnapshot, Firestore } from 'firebase-admin/firestore';
import type { TurnWriter } from '../store/turn-writer';
import { platformCollections } from './platform-collections';

/** Where a LINE user belongs: a municipality (staff) or a region (regional staff). */
export interface LineUserHome {
  readonly municipalityId?: string;
  readonly regionId?: string;
  /** the deployment's administrator: onboards municipalities (LIFF /platform, or the CLI) */
  readonly platformAdmin?: boolean;
}

/** The municipality (or region) a LINE user was linked to; undefined before any link made here. */
export async function homeOfLineUser(
  db: Firestore,
  userId: string,
  read: (ref: DocumentReference) => Promise<DocumentSnapshot> = (ref) => ref.get(),
): Promise<LineUserHome | undefined> {
  const snap = await read(platformCollections(db).lineUsers.doc(userId));
  if (!snap.exists) return undefined;
  const municipalityId = snap.get('municipalityId') as unknown;
  const regionId = snap.get('regionId') as unknown;
  return {
    ...(typeof municipalityId === 'string' && municipalityId ? { municipalityId } : {}),
    ...(typeof regionId === 'string' && regionId ? { regionId } : {}),
    ...(snap.get('platformAdmin') === true ? { platformAdmin: true } : {}),
  };
}

/** The municipality a document of its collections belongs to (municipalities/{id}/<collection>/{docId}). */
export const municipalityIdOf = (doc: DocumentReference): string => doc.parent.parent?.id ?? '';

/** Written in the same transaction (or batch) as the staff record's link. */
export function indexLineUser(
  w: Pick<TurnWriter, 'set'>,
  db: Firestore,
  userId: string,
  employee: DocumentReference,
  at: unknown,
): void {
  w.set(platformCollections(db).lineUsers.doc(userId), {
    municipalityId: municipalityIdOf(employee),
    employeeId: employee.id,
    linkedAt: at,
  });
}
