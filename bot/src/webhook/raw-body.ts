import type { Request } from 'express';

export class PayloadTooLargeError extends Error {
  override readonly name = 'PayloadTooLargeError';
}

/**
 * The exact bytes LINE signed. Cloud Functions has already read the stream and keeps it as
 * `req.rawBody`; a plain Node server has not, so read it here (no body parser may run before us).
 */
export async function readRawBody(req: Request, limitBytes: number): Promise<Buffer> {
  const pre = (req as Request & { rawBody?: unknown }).rawBody;
  if (Buffer.isBuffer(pre)) {
    if (pre.length > limitBytes) throw new PayloadTooLargeError(`body is ${pre.length} bytes`);
    return pre;
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    req.resume(); // drain, so the connection can answer
    throw new PayloadTooLargeError(`body is ${declared} bytes`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buf.length;
    if (size > limitBytes) {
      req.resume();
      throw new PayloadTooLargeError(`body is over ${limitBytes} bytes`);
    }
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
