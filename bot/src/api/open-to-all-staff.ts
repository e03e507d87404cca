// The API routes any linked, active staff member may call: their own records, or records the route
// itself checks they may see (a report is its author's or their approver's). Every other route is for
// HR, supervisors or executives and must refuse staff with 403 (requireRoles in api-auth.ts).
// test/integration/api-role-audit.test.ts lists every route mounted on the API router and holds each
// one not named here to that, so a new HR route without a role check fails the tests.

/** `METHOD /path` as mounted under /api, parameters as in the route (`:id`). */
export const OPEN_TO_ALL_STAFF: readonly string[] = [
  'GET /me',
  'GET /me/data',
  'GET /reports/mine',
  'GET /reports/:id',
  'PUT /reports/:id/answers',
  'PUT /reports/:id/library-choice',
  // the report's owner and its approval chain (any role), checked per report: report-photo-access.ts
  'GET /reports/:id/photos/:messageId',
  'GET /idp/mine',
  'PUT /idp/mine',
  'POST /idp/mine/submit',
  'GET /hours/mine',
  'GET /surveys/mine',
  // the knowledge library: every colleague reads published entries; internal ones and visibility
  // changes are checked per entry (library-service.ts)
  'GET /library',
  'PUT /library/digest',
  'GET /library/:id',
  'PUT /library/:id/visibility',
  'GET /library/:id/photos/:messageId',
  // training requests: their own, and a new one (decisions and HR's records check roles)
  'GET /requests',
  'POST /requests',
];
