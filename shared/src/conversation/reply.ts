// Replies are data. The bot turns them into LINE messages in one place (bot/src/line/render-messages.ts),
// which also enforces LINE's limits, so flows never build LINE JSON themselves.

/** What a button carries back to us. Kept small: it is signed and must fit LINE's 300-char postback data. */
export interface PostbackPayload {
  /** action name, e.g. 'flow.choose' */
  readonly a: string;
  readonly [key: string]: string | number | boolean | undefined;
}

export type Action =
  | {
      readonly type: 'postback';
      readonly label: string;
      readonly data: PostbackPayload;
      readonly displayText?: string;
    }
  | { readonly type: 'message'; readonly label: string; readonly text: string }
  | { readonly type: 'uri'; readonly label: string; readonly uri: string }
  | {
      readonly type: 'datetime';
      readonly label: string;
      readonly data: PostbackPayload;
      readonly mode: 'date' | 'time' | 'datetime';
      readonly initial?: string;
      readonly min?: string;
      readonly max?: string;
    }
  | { readonly type: 'camera' | 'cameraRoll'; readonly label: string };

export interface CardField {
  readonly label: string;
  readonly value: string;
}

/** A stored picture a card shows small (a report's photo): the bot links it at a signed, expiring address. */
export interface MediaRef {
  readonly reportId: string;
  readonly messageId: string;
}

export type Reply =
  | { readonly kind: 'text'; readonly text: string; readonly quickReplies?: readonly Action[] }
  | {
      readonly kind: 'card';
      readonly title: string;
      readonly lines?: readonly string[];
      readonly fields?: readonly CardField[];
      readonly actions: readonly Action[];
      /** small pictures under the lines; left out where the bot has no public address for them */
      readonly thumbnails?: readonly MediaRef[];
      /** what notifications and old clients show instead of the card */
      readonly altText?: string;
      readonly quickReplies?: readonly Action[];
    }
  | { readonly kind: 'image'; readonly url: string; readonly previewUrl?: string };

export const text = (t: string, quickReplies?: readonly Action[]): Reply =>
  quickReplies && quickReplies.length > 0
    ? { kind: 'text', text: t, quickReplies }
    : { kind: 'text', text: t };

export const say = (label: string, t: string = label): Action => ({ type: 'message', label, text: t });

/** A button whose press comes back as `data`; the chat shows `displayText` as the person's message. */
export const postback = (label: string, data: PostbackPayload, displayText: string = label): Action => ({
  type: 'postback',
  label,
  data,
  displayText,
});
