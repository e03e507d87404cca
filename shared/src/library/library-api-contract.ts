import type { LibraryPresentation, LibraryVisibility } from './library-entry';

// The library's API shape, shared by the route and the LIFF pages.

export interface LibraryListItem {
  readonly id: string;
  readonly trainingTitle: string;
  readonly employeeName: string;
  readonly divisionId?: string;
  readonly divisionName?: string;
  readonly competency?: string;
  readonly competencyName?: string;
  readonly endDate: string;
  readonly fiscalYear: number;
  readonly learnedPreview: string;
  readonly visibility: LibraryVisibility;
  readonly readCount: number;
  readonly presented: boolean;
}

/** GET /api/library?q=&competency=&division=&fy= */
/** GET /api/library?q=&competency=&division=&fy=&limit=&cursor= (one page, newest approval first) */
export interface LibraryListResponse {
  /** this page's entries; a page may be short when few entries match (keep on while nextCursor is set) */
  readonly entries: readonly LibraryListItem[];
  /** `cursor` for the next page of the same search ("ดูเพิ่ม"); null when there is no more */
  readonly nextCursor?: string | null;
  readonly filters: {
    readonly divisions: readonly { readonly id: string; readonly name: string }[];
    readonly competencies: readonly { readonly id: string; readonly name: string }[];
    readonly years: readonly number[];
  };
  /** whether the reader gets the weekly digest in LINE */
  readonly digest: boolean;
}

/** GET /api/library/:id (opening it records the reader's receipt) */
export interface LibraryEntryResponse extends LibraryListItem {
  readonly learned: string;
  readonly application: string;
  readonly startDate: string;
  readonly hours: number;
  readonly photoIds: readonly string[];
  readonly presentation?: LibraryPresentation;
  /** the reader may make it internal or published again (owner, HR) */
  readonly mayManage: boolean;
  readonly mayRecordPresentation: boolean;
}

/** PUT /api/library/:id/visibility */
export interface LibraryVisibilityInput {
  readonly visibility: LibraryVisibility;
}

/** PUT /api/library/:id/presentation (HR) */
export interface LibraryPresentationInput {
  readonly date: string;
  readonly note: string;
}

/** PUT /api/library/digest */
export interface LibraryDigestInput {
  readonly digest: boolean;
}
