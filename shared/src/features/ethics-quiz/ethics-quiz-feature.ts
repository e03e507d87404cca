import type { ChatFeature } from '../../conversation/feature';
import type { EthicsQuizEffect, EthicsQuizFacts, EthicsQuizLookup } from './ethics-quiz-edge';
import { type EthicsQuizState, ethicsQuizFlow } from './ethics-quiz-flow';

/** "แบบทดสอบจริยธรรม": the yearly ethics quiz, for the people HR's random sample drew. */
export const ethicsQuizFeature: ChatFeature<
  EthicsQuizState,
  EthicsQuizEffect,
  EthicsQuizLookup,
  EthicsQuizFacts
> = {
  flow: ethicsQuizFlow,
  startWords: ['แบบทดสอบจริยธรรม', 'ทดสอบจริยธรรม', 'แบบทดสอบคุณธรรมจริยธรรม'],
  menuLine: 'แบบทดสอบจริยธรรม: ทำแบบทดสอบคุณธรรมจริยธรรม (เฉพาะผู้ที่ได้รับการสุ่มเลือก)',
};
