/** What the deployment's administrator sees of one municipality (`/api/platform/municipalities`): counts only. */
export interface MunicipalityOverview {
  readonly id: string;
  readonly name: string;
  readonly province: string;
  readonly staff: number;
  readonly linked: number;
  readonly hrAdmins: number;
}
