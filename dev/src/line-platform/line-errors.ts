// Error bodies in the shape the Messaging API answers with, so clients parse fakes and reality alike.

export interface LineErrorDetail {
  message: string;
  property: string;
}

export interface LineErrorBody {
  message: string;
  details?: LineErrorDetail[];
  sentMessages?: Array<{ id: string; quoteToken?: string }>;
}

export class LineHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: LineErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message);
  }
}

/** 400 with LINE's "The request body has N error(s)" summary and the details list. */
export function invalidBody(details: LineErrorDetail[]): LineHttpError {
  return new LineHttpError(400, { message: `The request body has ${details.length} error(s)`, details });
}

export const badRequest = (message: string) => new LineHttpError(400, { message });
export const notFound = (message = 'Not found') => new LineHttpError(404, { message });

export const AUTH_FAILED =
  'Authentication failed. Confirm that the access token in the authorization header is valid.';

export const FAULT_MESSAGES: Record<number, string> = {
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
