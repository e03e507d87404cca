import type { Express } from 'express';

// Every route an express (5) app or router serves, read from its layer stack with the paths of the
// routers it mounts: what a request can reach, whatever file added it.

export interface MountedRoute {
  method: string;
  /** e.g. `/reports/:id/answers` */
  path: string;
}

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  /** the path given to use() / route(); `slash` is use() without a path */
  rawPath?: unknown;
  slash?: boolean;
  handle: { stack?: Layer[] };
}

function mountPath(layer: Layer): string {
  if (layer.slash) return '';
  if (typeof layer.rawPath !== 'string')
    throw new Error(`cannot read the mount path ${String(layer.rawPath)}`);
  return layer.rawPath.replace(/\/$/, '');
}

export function mountedRoutes(stack: readonly Layer[], prefix = ''): MountedRoute[] {
  const out: MountedRoute[] = [];
  for (const layer of stack) {
    if (layer.route) {
      for (const [method, on] of Object.entries(layer.route.methods)) {
        if (on && method !== '_all')
          out.push({
            method: method.toUpperCase(),
            path: prefix + layer.route.path.replace(/^\/$/, '') || '/',
          });
      }
    } else if (Array.isArray(layer.handle.stack)) {
      out.push(...mountedRoutes(layer.handle.stack, prefix + mountPath(layer)));
    }
  }
  return out;
}

/** The layer stack of the router an app mounts at `path` (e.g. `/api`). */
export function routerStackAt(app: Express, path: string): Layer[] {
  const stack = (app as unknown as { router: { stack: Layer[] } }).router.stack;
  const layer = stack.find((l) => !l.route && Array.isArray(l.handle.stack) && l.rawPath === path);
  if (!layer?.handle.stack) throw new Error(`no router mounted at ${path}`);
  return layer.handle.stack;
}
