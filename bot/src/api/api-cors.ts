import type { NextFunction, Request, Response } from 'express';

/** The LIFF app's origins may call the API from a browser; a preflight is answered here. */
export function apiCors(allowedOrigins: readonly string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.header('origin');
    if (origin && allowedOrigins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('vary', 'Origin');
      res.setHeader('access-control-allow-headers', 'authorization, content-type');
      res.setHeader('access-control-allow-methods', 'GET, POST, PUT, PATCH, OPTIONS');
      res.setHeader('access-control-expose-headers', 'content-disposition');
    }
    if (req.method === 'OPTIONS') {
      res.status(204).end();
      return;
    }
    next();
  };
}
