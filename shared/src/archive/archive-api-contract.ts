import type { TrailSection } from './audit-trail';

/** GET /api/archive?fy= or ?employee= (HR): the trail as the printable page shows it */
export interface ArchiveResponse {
  readonly title: string;
  readonly fiscalYear?: number;
  readonly employeeId?: string;
  readonly generatedAt: string;
  readonly sections: readonly TrailSection[];
  /** providers whose records are not available in this build (said on the page, never hidden) */
  readonly missingProviders: readonly string[];
}
