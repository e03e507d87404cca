/** Copy a report photo from LINE (content expires) to storage; the bot's municipality when omitted. */
export interface ReportPhotoTask {
  readonly type: 'storeReportPhoto';
  readonly municipalityId?: string;
  readonly reportId: string;
  readonly messageId: string;
}
