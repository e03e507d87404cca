// LINE Messaging API limits we respect when building messages (developers.line.biz reference).
export const LINE_LIMITS = {
  messagesPerRequest: 5,
  multicastRecipients: 500,
  textUtf16: 5000,
  altTextUtf16: 1500,
  quickReplyItems: 13,
  /** quick reply and template action labels, in grapheme clusters */
  actionLabel: 20,
  /** flex button action labels, in grapheme clusters */
  flexButtonLabel: 40,
  displayText: 300,
  postbackData: 300,
  uri: 1000,
  flexBubbleBytes: 30 * 1024,
  flexCarouselBytes: 50 * 1024,
  carouselBubbles: 12,
  requestBytes: 2 * 1024 * 1024,
} as const;
