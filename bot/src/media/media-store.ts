/** Bytes the bot keeps (report photos, certificates): Cloud Storage in production and locally. */
export interface MediaStore {
  /** writes (or overwrites) the object; paths are chosen so a retry writes the same bytes again */
  put(path: string, bytes: Buffer, contentType: string): Promise<void>;
  /** undefined when there is no such object */
  get(path: string): Promise<StoredMedia | undefined>;
  exists(path: string): Promise<boolean>;
}

export interface StoredMedia {
  readonly bytes: Buffer;
  readonly contentType: string;
}
