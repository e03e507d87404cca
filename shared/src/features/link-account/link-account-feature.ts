import type { ChatFeature } from '../../conversation/feature';
import type { LinkAccountEffect, LinkAccountFacts, LinkAccountLookup } from './link-account-edge';
import { type LinkAccountState, linkAccountFlow } from './link-account-flow';

/** "ลงทะเบียน": consent, then linking the LINE account to a staff record; everyone starts here. */
export const linkAccountFeature: ChatFeature<
  LinkAccountState,
  LinkAccountEffect,
  LinkAccountLookup,
  LinkAccountFacts
> = {
  flow: linkAccountFlow,
  startWords: ['ลงทะเบียน', 'เชื่อมบัญชี'],
  registration: true,
};
