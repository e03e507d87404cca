// What the digest opt-out asks of the edge: the person's choice, kept on their staff record.
export interface LibraryDigestChoiceEffect {
  readonly type: 'libraryDigestChoice';
  readonly employeeId: string;
  /** false: no weekly library digest in LINE */
  readonly digest: boolean;
}
