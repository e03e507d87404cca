import type { Page } from 'playwright-core';
import type { LinePlatform } from '../../dev/src/line-platform';

/**
 * LINE's servers as the LIFF SDK sees them from a browser outside the LINE app: the app's context,
 * LINE Login's authorize page (recorded; with `loginAs` it logs that person in and sends the browser
 * back as LINE does), the token exchange (an ID token from the fake platform), its JWKS, the access
 * token check and the profile. Nothing else off this machine is reachable. Returns the authorize URLs
 * the browser was sent to.
 */
export async function routeLineServers(
  page: Page,
  o: {
    platform: LinePlatform;
    liffId: string;
    /** the LINE Login channel the LIFF app belongs to */
    channelId: string;
    /** where the LIFF app is served, e.g. http://127.0.0.1:5000/ */
    endpointUrl: string;
    loginAs?: { userId: string; displayName: string };
  },
): Promise<URL[]> {
  const { platform, liffId, channelId, loginAs } = o;
  const logins: URL[] = [];
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' };
  await page.route(
    (url) => url.hostname !== '127.0.0.1',
    async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      const json = (body: unknown) => route.fulfill({ json: body, headers: cors });
      if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      if (url.pathname === `/liff/v2/apps/${liffId}/contextToken`) {
        const context = {
          liffId,
          endpointUrl: o.endpointUrl,
          type: 'external',
          scope: ['profile', 'openid'],
          viewType: 'full',
          availability: {},
          permanentLinkPattern: 'concat',
        };
        return json({
          contextToken: `e30.${Buffer.from(JSON.stringify(context)).toString('base64url')}.x`,
        });
      }
      if (url.hostname === 'access.line.me' && url.pathname === '/liff/v1/authorize') {
        logins.push(url);
        if (!loginAs) return route.fulfill({ contentType: 'text/html', body: '<title>LINE Login</title>' });
        const back = new URL(url.searchParams.get('redirect_uri') ?? '');
        back.searchParams.set('code', 'one-time-code');
        back.searchParams.set('state', url.searchParams.get('state') ?? '');
        back.searchParams.set('liffClientId', channelId);
        back.searchParams.set('liffRedirectUri', url.searchParams.get('redirect_uri') ?? '');
        return route.fulfill({ status: 302, headers: { location: back.href } });
      }
      if (loginAs && url.pathname === '/oauth2/v2.1/token') {
        const idToken = platform.issueIdToken(loginAs.userId, { aud: channelId, name: loginAs.displayName });
        return json({
          access_token: 'access',
          id_token: idToken,
          expires_in: 2_592_000,
          token_type: 'Bearer',
        });
      }
      if (url.pathname === '/oauth2/v2.1/certs') {
        return json(await (await fetch(`${platform.url}/oauth2/v2.1/certs`)).json());
      }
      if (loginAs && url.pathname === '/oauth2/v2.1/verify') {
        return json({ scope: 'profile openid', client_id: channelId, expires_in: 2_591_000 });
      }
      if (loginAs && url.pathname === '/v2/profile') return json(loginAs);
      return route.abort();
    },
  );
  return logins;
}
