import type { Profile } from './liff-session';
import type { PageComponent } from './page-props';
import { HomePage } from './pages/home-page';

export type { PageComponent, PageProps } from './page-props';

interface RouteBase {
  readonly path: string;
  /** Menu label and document title. */
  readonly title: string;
  /** The page's h1; defaults to the title. */
  readonly heading?: (profile: Profile) => string;
  /** Reached by a link (a chat button, a list), not from the main menu. */
  readonly hidden?: boolean;
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
  // supervisors' team view, linked from the home page for people someone reports to
  {
    kind: 'lazy',
    path: '/team',
    title: 'ทีมของฉัน',
    hidden: true,
    load: () => import('./pages/team-page').then((m) => m.TeamPage),
  },
  {
    kind: 'lazy',
    path: '/team/:employeeId/idp',
    title: 'แผนพัฒนาของบุคลากรในทีม',
    hidden: true,
    load: () => import('./pages/team-idp-page').then((m) => m.TeamIdpPage),
  },
  {
    kind: 'lazy',
    path: '/library',
    title: 'คลังความรู้',
    load: () => import('./pages/library-page').then((m) => m.LibraryPage),
  },
  {
    kind: 'lazy',
    path: '/library/:id',
    title: 'เรื่องในคลังความรู้',
    hidden: true,
    load: () => import('./pages/library-entry-page').then((m) => m.LibraryEntryPage),
  },
  {
    kind: 'lazy',
    path: '/hr/archive',
    title: 'หลักฐานสำหรับการประเมิน',
    hidden: true,
    load: () => import('./pages/hr-archive-page').then((m) => m.HrArchivePage),
  },
  {
    kind: 'lazy',
    path: '/requests',
    title: 'คำขอไปอบรม',
    load: () => import('./pages/requests-page').then((m) => m.RequestsPage),
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
    // HR and executives reach it from the home page (which knows their roles), not the menu everyone sees
    hidden: true,
    load: () => import('./pages/hr-page').then((m) => m.HrPage),
  },
  // a province office, league or the DLA: each member municipality's figures, never a person's
  {
    kind: 'lazy',
    path: '/region',
    title: 'ภาพรวมเทศบาลในเครือข่าย',
    hidden: true,
    load: () => import('./pages/region-page').then((m) => m.RegionPage),
  },
  // the deployment's administrator: onboarding municipalities (counts only)
  {
    kind: 'lazy',
    path: '/platform',
    title: 'ผู้ดูแลระบบ: เทศบาลในระบบ',
    hidden: true,
    load: () => import('./pages/platform-page').then((m) => m.PlatformPage),
  },
  // HR's tools, linked from the home page
  {
    kind: 'lazy',
    path: '/hr/late',
    title: 'ผู้ค้างส่งรายงาน',
    hidden: true,
    load: () => import('./pages/hr-late-page').then((m) => m.HrLatePage),
  },
  {
    kind: 'lazy',
    path: '/hr/trainings',
    title: 'จัดการการอบรม',
    hidden: true,
    load: () => import('./pages/hr-trainings-page').then((m) => m.HrTrainingsPage),
  },
  {
    kind: 'lazy',
    path: '/hr/employees',
    title: 'นำเข้ารายชื่อพนักงาน',
    hidden: true,
    load: () => import('./pages/hr-employees-page').then((m) => m.HrEmployeesPage),
  },
  {
    kind: 'lazy',
    path: '/hr/invites',
    title: 'รหัสเชิญเข้าใช้งาน',
    hidden: true,
    load: () => import('./pages/hr-invites-page').then((m) => m.HrInvitesPage),
  },
  {
    kind: 'lazy',
    path: '/hr/invites/print/:division',
    title: 'ใบรหัสเชิญ',
    hidden: true,
    load: () => import('./pages/hr-invites-print-page').then((m) => m.HrInvitesPrintPage),
  },
  {
    kind: 'lazy',
    path: '/hr/holidays',
    title: 'วันหยุดราชการ',
    hidden: true,
    load: () => import('./pages/hr-holidays-page').then((m) => m.HrHolidaysPage),
  },
  {
    kind: 'lazy',
    path: '/hr/settings',
    title: 'ตั้งค่าระบบ',
    hidden: true,
    load: () => import('./pages/hr-settings-page').then((m) => m.HrSettingsPage),
  },
  {
    kind: 'lazy',
    path: '/hr/targets',
    title: 'เป้าหมายตัวชี้วัดรายปี',
    hidden: true,
    load: () => import('./pages/hr-targets-page').then((m) => m.HrTargetsPage),
  },
  {
    kind: 'lazy',
    path: '/hr/ethics',
    title: 'แบบทดสอบจริยธรรม',
    hidden: true,
    load: () => import('./pages/hr-ethics-page').then((m) => m.HrEthicsPage),
  },
  {
    kind: 'lazy',
    path: '/hr/evidence',
    title: 'หลักฐานการประเมิน',
    hidden: true,
    load: () => import('./pages/hr-evidence-page').then((m) => m.HrEvidencePage),
  },
  {
    kind: 'lazy',
    path: '/reports',
    title: 'รายงานผลการอบรม',
    load: () => import('./pages/reports-page').then((m) => m.ReportsPage),
  },
  {
    // the chat's "เขียนต่อใน LIFF" button: liff.line.me/{liffId}/reports/{reportId}
    kind: 'lazy',
    path: '/reports/:id',
    title: 'รายงานผลการฝึกอบรม',
    hidden: true,
    load: () => import('./pages/report-page').then((m) => m.ReportPage),
  },
  // HR's surveys, linked from the home page
  {
    kind: 'lazy',
    path: '/hr/surveys',
    title: 'แบบสำรวจ',
    hidden: true,
    load: () => import('./pages/hr-surveys-page').then((m) => m.HrSurveysPage),
  },
  {
    kind: 'lazy',
    path: '/hr/surveys/:id',
    title: 'ผลแบบสำรวจ',
    hidden: true,
    load: () => import('./pages/hr-survey-results-page').then((m) => m.HrSurveyResultsPage),
  },
];

export interface RouteMatch {
  readonly route: RouteDefinition;
  readonly params: Readonly<Record<string, string>>;
}

/** The route for a path; `:name` segments match one non-empty segment each. */
export function matchRoute(path: string): RouteMatch | undefined {
  const segments = path.split('/');
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((part, i) => {
      const segment = segments[i] ?? '';
      if (!part.startsWith(':')) return part === segment;
      if (segment === '') return false;
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
        return true;
      } catch {
        return false; // a malformed escape names no page
      }
    });
    if (matches) return { route, params };
  }
  return undefined;
}

export function routeHeading(route: RouteDefinition, profile: Profile): string {
  return route.heading ? route.heading(profile) : route.title;
}
