import { retryKeyFor } from '../webhook/retry-key';
import type { LineClient } from './line-client';

/**
 * A municipality's pushes and multicasts with retry keys of its own. Municipalities sharing one
 * Official Account repeat employee ids, report ids and notice keys; LINE accepts a retry key once
 * per channel and answers 409 to the second municipality's push, which the client counts as sent.
 * Every key a municipality's bot derives is hashed again with the municipality's id, so the same
 * key still dedupes a retry within the municipality and never meets another municipality's.
 */
export function withMunicipalityRetryKeys(line: LineClient, municipalityId: string): LineClient {
  const scoped = (key: string) => retryKeyFor(`municipalities/${municipalityId}/${key}`, 0);
  // every method delegated by name: a client may keep its methods on a prototype
  return {
    reply: (token, messages) => line.reply(token, messages),
    getMessageQuota: () => line.getMessageQuota(),
    getMessageQuotaConsumption: () => line.getMessageQuotaConsumption(),
    getProfile: (userId) => line.getProfile(userId),
    showLoading: (chatId, seconds) => line.showLoading(chatId, seconds),
    getContent: (messageId) => line.getContent(messageId),
    createRichMenu: (menu) => line.createRichMenu(menu),
    uploadRichMenuImage: (id, image, type) => line.uploadRichMenuImage(id, image, type),
    linkRichMenu: (userId, richMenuId) => line.linkRichMenu(userId, richMenuId),
    push: (to, messages, retryKey, opts) => line.push(to, messages, scoped(retryKey), opts),
    multicast: (to, messages, retryKey, opts) => line.multicast(to, messages, scoped(retryKey), opts),
  };
}
