import type { ChatFeature } from '../../conversation/feature';
import type { SurveyEffect, SurveyFacts, SurveyLookup } from './survey-answer-edge';
import { type SurveyAnswerState, surveyAnswerFlow } from './survey-answer-flow';

/** "แบบสำรวจ": answering surveys and checking in to 5ส, one question per message. */
export const surveyAnswerFeature: ChatFeature<SurveyAnswerState, SurveyEffect, SurveyLookup, SurveyFacts> = {
  flow: surveyAnswerFlow,
  startWords: ['แบบสำรวจ', 'ตอบแบบสำรวจ', '5ส', 'เช็กอิน 5ส', 'เช็คอิน 5ส', 'กิจกรรม 5ส'],
  menuLine: 'แบบสำรวจ: ตอบแบบสำรวจความต้องการฝึกอบรม ความพึงพอใจ และเช็กอินกิจกรรม 5ส',
};
