import type { ComponentType } from 'preact';
import type { ApiClient } from './api-client';
import type { LiffSession, Profile } from './liff-session';
import { HomePage } from './pages/home-page';

export interface PageProps {
  readonly session: LiffSession;
  readonly api: ApiClient;
}

export type PageComponent = ComponentType<PageProps>;

interface RouteBase {
  readonly path: string;
  /** Menu label and document title. */
  readonly title: string;
  /** The page's h1; defaults to the title. */
  readonly heading?: (profile: Profile) => string;
}

export type RouteDefinition =
  | (RouteBase & { readonly kind: 'eager'; readonly page: PageComponent })
  | (RouteBase & { readonly kind: 'lazy'; readonly load: () => Promise<PageComponent> });

/** The home page ships in the entry chunk; every other page is its own chunk. */
export const ROUTES: readonly RouteDefinition[] = [
  {
    kind: 'eager',
    path: '/',
    title: 'หน้าหลัก',
    heading: (profile) => `สวัสดี คุณ${profile.displayName}`,
    page: HomePage,
  },
  {
    kind: 'lazy',
    path: '/hours',
    title: 'ชั่วโมงอบรมของฉัน',
    load: () => import('./pages/hours-page').then((m) => m.HoursPage),
  },
  {
    kind: 'lazy',
    path: '/idp',
    title: 'แผนพัฒนาของฉัน',
    load: () => import('./pages/idp-page').then((m) => m.IdpPage),
  },
  {
    kind: 'lazy',
    path: '/my-data',
    title: 'ข้อมูลของฉัน',
    load: () => import('./pages/my-data-page').then((m) => m.MyDataPage),
  },
  {
    kind: 'lazy',
    path: '/hr',
    title: 'แดชบอร์ด HR',
    load: () => import('./pages/hr-page').then((m) => m.HrPage),
  },
];

export function matchRoute(path: string): RouteDefinition | undefined {
  return ROUTES.find((route) => route.path === path);
}

export function routeHeading(route: RouteDefinition, profile: Profile): string {
  return route.heading ? route.heading(profile) : route.title;
}
