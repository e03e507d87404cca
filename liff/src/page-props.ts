import type { ComponentType } from 'preact';
import type { ApiClient } from './api-client';
import type { LiffSession } from './liff-session';

// What every page is given; apart from the route table so that pages never import the table that loads them.

export interface PageProps {
  readonly session: LiffSession;
  readonly api: ApiClient;
  /** the `:name` segments of the route's path, e.g. `{ id }` for `/reports/:id` */
  readonly params: Readonly<Record<string, string>>;
  /** the app's pages, for pages that link to others (handed down, so no page imports the table) */
  readonly routes: readonly { readonly path: string; readonly title: string }[];
}

export type PageComponent = ComponentType<PageProps>;
