import type {
  DocumentData,
  DocumentReference,
  FieldPath,
  PartialWithFieldValue,
  Precondition,
  SetOptions,
  UpdateData,
  WithFieldValue,
} from 'firebase-admin/firestore';

/**
 * What a turn's effects write through. A Transaction and a WriteBatch both satisfy it, so the same
 * effect code serves transactional turns (with lookups) and optimistic ones (a batch with a
 * precondition on the conversation document).
 */
export interface TurnWriter {
  create<A, D extends DocumentData>(ref: DocumentReference<A, D>, data: WithFieldValue<A>): unknown;
  set<A, D extends DocumentData>(
    ref: DocumentReference<A, D>,
    data: PartialWithFieldValue<A>,
    options: SetOptions,
  ): unknown;
  set<A, D extends DocumentData>(ref: DocumentReference<A, D>, data: WithFieldValue<A>): unknown;
  update<A, D extends DocumentData>(
    ref: DocumentReference<A, D>,
    data: UpdateData<D>,
    precondition?: Precondition,
  ): unknown;
  update(
    // biome-ignore lint/suspicious/noExplicitAny: the SDK's own signature
    ref: DocumentReference<any, any>,
    field: string | FieldPath,
    value: unknown,
    ...fieldsOrPrecondition: unknown[]
  ): unknown;
  // biome-ignore lint/suspicious/noExplicitAny: the SDK's own signature
  delete(ref: DocumentReference<any, any>, precondition?: Precondition): unknown;
}
