import { useEffect, useRef } from 'preact/hooks';
import { type ApiClient, createApiClient } from './api-client';
import { ConfigError, readConfig } from './config';
import { LazyPage } from './lazy-page';
import { type LiffSession, startLiffSession } from './liff-session';
import { liffStateTarget } from './liff-state';
import { Link, navigate, usePath } from './router';
import { matchRoute, ROUTES, routeHeading } from './routes';
import { ErrorState, LoadingState } from './status-views';
import { useAsync } from './use-async';

const APP_NAME = 'พัฒนา';

interface Ready {
  readonly session: LiffSession;
  readonly api: ApiClient;
}

async function start(): Promise<Ready> {
  try {
    return await connect();
  } catch (error) {
    console.error('[phattana] LIFF start failed', error);
    throw error;
  }
}

async function connect(): Promise<Ready> {
  const config = readConfig();
  const session = await startLiffSession(config);
  // A deep link (liff.line.me/{id}/hours) arrives as ?liff.state=%2Fhours: go there before routing.
  const target = liffStateTarget(window.location.href);
  if (target) navigate(target, { replace: true });
  return { session, api: createApiClient({ baseUrl: config.apiBase, auth: session }) };
}

function Header({ path }: { readonly path: string | null }) {
  return (
    <header class="app-header">
      <Link href="/" class="brand">
        {APP_NAME}
      </Link>
      {path === null ? null : (
        <nav aria-label="เมนูหลัก" class="main-nav">
          <ul>
            {ROUTES.filter((route) => !route.hidden).map((route) => (
              <li key={route.path}>
                <Link href={route.path} aria-current={route.path === path ? 'page' : undefined}>
                  {route.title}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </header>
  );
}

function RouteView({ ready, path }: { readonly ready: Ready; readonly path: string }) {
  const match = matchRoute(path);
  const route = match?.route;
  const heading = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    document.title = route && route.path !== '/' ? `${route.title} · ${APP_NAME}` : APP_NAME;
    // Move focus to the new page's heading after in-app navigation (not on first load).
    if (firstRender.current) firstRender.current = false;
    else heading.current?.focus();
  }, [route]);

  if (!match || !route) {
    return (
      <>
        <h1 ref={heading} tabIndex={-1}>
          ไม่พบหน้าที่ต้องการ
        </h1>
        <p>
          <Link href="/">กลับหน้าหลัก</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {routeHeading(route, ready.session.profile)}
      </h1>
      {route.kind === 'eager' ? (
        <route.page session={ready.session} api={ready.api} params={match.params} routes={ROUTES} />
      ) : (
        // keyed by path: another report is another page, with its own loading state
        <LazyPage
          key={path}
          load={route.load}
          session={ready.session}
          api={ready.api}
          params={match.params}
          routes={ROUTES}
        />
      )}
    </>
  );
}

function Routed({ ready }: { readonly ready: Ready }) {
  const path = usePath();
  return (
    <>
      <Header path={path} />
      <main id="main" tabIndex={-1}>
        <RouteView ready={ready} path={path} />
      </main>
    </>
  );
}

export function App() {
  const state = useAsync(start);
  if (state.status === 'ready') return <Routed ready={state.value} />;
  return (
    <>
      <Header path={null} />
      <main id="main" tabIndex={-1}>
        <h1 class="visually-hidden">{APP_NAME}</h1>
        {state.status === 'loading' ? (
          <LoadingState label="กำลังเข้าสู่ระบบด้วย LINE…" />
        ) : state.error instanceof ConfigError ? (
          <ErrorState title="ยังไม่ได้ตั้งค่าแอป" message="ไม่พบรหัส LIFF (VITE_LIFF_ID) กรุณาติดต่อผู้ดูแลระบบ" />
        ) : (
          <ErrorState message="เชื่อมต่อกับ LINE ไม่สำเร็จ กรุณาลองอีกครั้ง" onRetry={() => window.location.reload()} />
        )}
      </main>
    </>
  );
}
