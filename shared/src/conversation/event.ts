import type { PostbackPayload } from './reply';

/**
 * What a person did, already decoded and verified at the edge. Flows see only this, never LINE's
 * webhook JSON, so they stay pure and testable.
 */
export type InboundEvent =
  | { readonly kind: 'follow' }
  | { readonly kind: 'unfollow' }
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'postback';
      readonly payload: PostbackPayload;
      /** datetimepicker result: 'YYYY-MM-DD', 'HH:mm' or 'YYYY-MM-DDTHH:mm' */
      readonly params?: { readonly date?: string; readonly time?: string; readonly datetime?: string };
    }
  /** a button that was forged, tampered with or is too old to trust */
  | { readonly kind: 'stalePostback'; readonly reason: 'expired' | 'invalid' }
  | { readonly kind: 'image'; readonly messageId: string }
  /** stickers, locations, files, audio… that no flow understands yet */
  | { readonly kind: 'unsupported'; readonly what: string };
