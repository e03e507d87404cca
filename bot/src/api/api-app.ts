import express, { type Express, type Router } from 'express';

/**
 * The LIFF/HR API as its own express app, for its own HTTPS function: Hosting rewrites `/api/**` to it, so
 * a large staff import or export never takes the webhook's instances. Without a LINE Login channel
 * (LIFF_CHANNEL_ID unset) it says so in Thai instead of a 404.
 */
export function createApiApp(router: Router | undefined): Express {
  const app = express();
  app.disable('x-powered-by');
  if (router) app.use('/api', router);
  else
    app.use('/api', (_req, res) => {
      res.status(503).json({ message: 'ระบบยังไม่ได้ตั้งค่า LINE Login (LIFF_CHANNEL_ID) กรุณาติดต่อผู้ดูแลระบบ' });
    });
  return app;
}
