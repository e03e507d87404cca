import type { Request } from 'express';
import { invalidBody, type LineErrorDetail, LineHttpError } from './line-errors';
import type { OpenApiValidator } from './openapi-validator';

/** The parsed JSON body; LINE's JSON endpoints refuse other content types. */
export function jsonBody(req: Request): unknown {
  if (!req.is('application/json')) {
    throw new LineHttpError(415, { message: 'Content-Type must be application/json' });
  }
  return req.body;
}

/**
 * The spec's schema (when the spec is here) and the always-on limits together; a problem both find is
 * reported once. Throws LINE's 400 with the details.
 */
export function validateBody(
  validator: OpenApiValidator,
  specPath: string,
  body: unknown,
  limits: LineErrorDetail[],
): void {
  const seen = new Set<string>();
  const details = [...validator.validate('post', specPath, body), ...limits].filter((d) => {
    const k = `${d.property}\n${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  if (details.length > 0) throw invalidBody(details);
}
