import { randomBytes } from 'node:crypto';
import express, { type Request } from 'express';
import { jsonBody, validateBody } from './body-checks';
import { imageSize } from './image-size';
import { checkRichMenu, LINE_LIMITS } from './limits';
import { badRequest, invalidBody, LineHttpError, notFound } from './line-errors';
import type { OpenApiValidator } from './openapi-validator';
import type { PlatformState, RichMenu } from './platform-state';

// Rich menus, their images (api-data.line.me paths, served here too), per-user and default links, and
// aliases. LINE refuses to link a menu without an image and never replaces an uploaded image.

const IMAGE_TYPES = new Set(['image/png', 'image/jpeg']);

export function createRichMenuRouter(state: PlatformState, validator: OpenApiValidator): express.Router {
  const r = express.Router();
  const menu = (id: string): RichMenu => {
    const m = state.richMenus.get(id);
    if (!m) throw notFound('richmenu not found');
    return m;
  };
  const linkable = (id: string): RichMenu => {
    const m = menu(id);
    if (!m.image) throw badRequest('must upload richmenu image before applying it to user');
    return m;
  };
  const checked = (req: Request) => {
    const body = jsonBody(req);
    validateBody(validator, '/v2/bot/richmenu', body, checkRichMenu(body));
    return body as Record<string, unknown>;
  };
  const view = (m: RichMenu) => ({ richMenuId: m.richMenuId, ...m.menu });

  r.post('/v2/bot/richmenu', (req, res) => {
    const body = checked(req);
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    state.richMenus.set(richMenuId, { richMenuId, menu: body });
    res.json({ richMenuId });
  });
  r.post('/v2/bot/richmenu/validate', (req, res) => {
    checked(req);
    res.json({});
  });
  r.get('/v2/bot/richmenu/list', (_req, res) => {
    res.json({ richmenus: [...state.richMenus.values()].map(view) });
  });

  // Aliases (before /v2/bot/richmenu/:richMenuId so that "alias" is not taken for an id).
  r.post('/v2/bot/richmenu/alias', (req, res) => {
    const body = jsonBody(req) as { richMenuAliasId?: string; richMenuId?: string };
    validateBody(validator, '/v2/bot/richmenu/alias', body, []);
    const aliasId = String(body.richMenuAliasId);
    if (state.aliases.has(aliasId)) throw badRequest('conflict richmenu alias id');
    linkable(String(body.richMenuId));
    state.aliases.set(aliasId, String(body.richMenuId));
    res.json({});
  });
  r.get('/v2/bot/richmenu/alias/list', (_req, res) => {
    res.json({
      aliases: [...state.aliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })),
    });
  });
  r.get('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    const richMenuId = state.aliases.get(req.params.aliasId);
    if (!richMenuId) throw notFound('richmenu alias not found');
    res.json({ richMenuAliasId: req.params.aliasId, richMenuId });
  });
  r.post('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    const body = jsonBody(req) as { richMenuId?: string };
    validateBody(validator, '/v2/bot/richmenu/alias/{richMenuAliasId}', body, []);
    if (!state.aliases.has(req.params.aliasId)) throw badRequest('richmenu alias not found');
    linkable(String(body.richMenuId));
    state.aliases.set(req.params.aliasId, String(body.richMenuId));
    res.json({});
  });
  r.delete('/v2/bot/richmenu/alias/:aliasId', (req, res) => {
    if (!state.aliases.delete(req.params.aliasId)) throw badRequest('richmenu alias not found');
    res.json({});
  });

  r.get('/v2/bot/richmenu/:richMenuId', (req, res) => {
    res.json(view(menu(req.params.richMenuId)));
  });
  r.delete('/v2/bot/richmenu/:richMenuId', (req, res) => {
    const id = req.params.richMenuId;
    menu(id);
    state.richMenus.delete(id);
    for (const [user, linked] of state.userMenus) if (linked === id) state.userMenus.delete(user);
    if (state.defaultMenu === id) state.defaultMenu = undefined;
    res.json({});
  });

  r.post('/v2/bot/richmenu/:richMenuId/content', (req, res) => {
    const m = menu(req.params.richMenuId);
    const type = (req.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!IMAGE_TYPES.has(type))
      throw new LineHttpError(415, { message: 'Content-Type must be image/png or image/jpeg' });
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (body.length > LINE_LIMITS.richMenuImageBytes) {
      throw new LineHttpError(413, {
        message: `The image must be at most ${LINE_LIMITS.richMenuImageBytes} bytes`,
      });
    }
    if (m.image) throw badRequest('An image has already been uploaded to the richmenu');
    const dims = imageSize(body);
    if (!dims || `image/${dims.type}` !== type) throw badRequest(`The image is not a valid ${type}`);
    const want = m.menu.size as { width?: number; height?: number } | undefined;
    if (dims.width !== want?.width || dims.height !== want?.height) {
      throw invalidBody([
        {
          property: 'image',
          message: `must be ${want?.width}x${want?.height} (the rich menu's size), not ${dims.width}x${dims.height}`,
        },
      ]);
    }
    m.image = { body, contentType: type };
    res.json({});
  });
  r.get('/v2/bot/richmenu/:richMenuId/content', (req, res) => {
    const m = menu(req.params.richMenuId);
    if (!m.image) throw notFound('richmenu image not found');
    res.type(m.image.contentType).send(m.image.body);
  });

  // The default menu ("all") before the per-user routes, whose :userId would match "all".
  r.post('/v2/bot/user/all/richmenu/:richMenuId', (req, res) => {
    state.defaultMenu = linkable(req.params.richMenuId).richMenuId;
    res.json({});
  });
  r.get('/v2/bot/user/all/richmenu', (_req, res) => {
    if (!state.defaultMenu) throw notFound('no default richmenu');
    res.json({ richMenuId: state.defaultMenu });
  });
  r.delete('/v2/bot/user/all/richmenu', (_req, res) => {
    state.defaultMenu = undefined;
    res.json({});
  });

  r.post('/v2/bot/user/:userId/richmenu/:richMenuId', (req, res) => {
    state.userMenus.set(req.params.userId, linkable(req.params.richMenuId).richMenuId);
    res.json({});
  });
  r.get('/v2/bot/user/:userId/richmenu', (req, res) => {
    // Only a per-user link counts here, not the default menu (which the user still sees).
    const richMenuId = state.userMenus.get(req.params.userId);
    if (!richMenuId) throw notFound('the user has no richmenu');
    res.json({ richMenuId });
  });
  r.delete('/v2/bot/user/:userId/richmenu', (req, res) => {
    state.userMenus.delete(req.params.userId);
    res.json({});
  });

  return r;
}
