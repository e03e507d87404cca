import {
  answerSurveyAction,
  formatThaiDate,
  type IsoDate,
  PHOTO_RETRY_HINT,
  photoRefusalReason,
  type Reply,
  type ReportPhotoError,
  type SurveyDefinition,
  text,
} from '@phattana/shared';

// What the scheduler and the photo task say about a survey, as reply data (the renderer builds LINE).

type SurveySummary = Pick<
  SurveyDefinition,
  'id' | 'title' | 'description' | 'closesOn' | 'anonymous' | 'activity' | 'kind'
>;

function aboutLines(s: SurveySummary): string[] {
  return [
    ...(s.description ? [s.description] : []),
    ...(s.activity ? [`กิจกรรมวันที่ ${formatThaiDate(s.activity.date)} · ${s.activity.area}`] : []),
    `ตอบได้ถึง ${formatThaiDate(s.closesOn)}`,
    ...(s.anonymous ? ['แบบสำรวจนี้ไม่ระบุตัวตน คำตอบของท่านจะไม่ถูกเชื่อมโยงกับชื่อของท่าน'] : []),
  ];
}

/** The invitation: what the survey is, until when, and a button that starts it in the chat. */
export function surveyInvitation(s: SurveySummary): Reply[] {
  return [
    {
      kind: 'card',
      title: s.title,
      lines: ['ขอเชิญตอบแบบสำรวจ', ...aboutLines(s)],
      actions: [answerSurveyAction(s.id, 'เริ่มตอบแบบสำรวจ')],
      altText: `ขอเชิญตอบแบบสำรวจ "${s.title}" ภายใน ${formatThaiDate(s.closesOn)}`,
    },
  ];
}

/** A reminder to someone who has not answered yet; `started`: they have a draft to continue. */
export function surveyReminder(s: SurveySummary, today: IsoDate, started: boolean): Reply[] {
  const last = today === s.closesOn;
  return [
    {
      kind: 'card',
      title: s.title,
      lines: [last ? 'วันนี้เป็นวันสุดท้ายของการตอบแบบสำรวจ' : 'ท่านยังไม่ได้ตอบแบบสำรวจนี้', ...aboutLines(s)],
      actions: [answerSurveyAction(s.id, started ? 'ทำต่อจากที่ค้างไว้' : 'เริ่มตอบแบบสำรวจ')],
      altText: `เตือน: ท่านยังไม่ได้ตอบแบบสำรวจ "${s.title}" (ตอบได้ถึง ${formatThaiDate(s.closesOn)})`,
    },
  ];
}

/** A photo sent for a survey could not be kept: say why and ask for another. */
export function surveyPhotoRefused(
  s: Pick<SurveyDefinition, 'id' | 'title'>,
  reason: ReportPhotoError,
  completed: boolean,
): Reply[] {
  const why = `รูปที่ส่งสำหรับแบบสำรวจ "${s.title}" บันทึกไม่ได้: ${photoRefusalReason(reason)}`;
  if (completed) return [text(`${why}\nแบบสำรวจนี้ส่งแล้ว หากต้องการส่งรูปเพิ่มกรุณาติดต่อฝ่ายบุคคล`)];
  return [text(`${why}\n${PHOTO_RETRY_HINT}`, [answerSurveyAction(s.id, 'ทำแบบสำรวจต่อ')])];
}
