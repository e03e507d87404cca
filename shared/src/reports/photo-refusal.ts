import type { ReportPhotoError } from './training-report';

// Why a photo sent in chat (report or survey) was not kept, in words the person can act on.
const REASONS: Record<ReportPhotoError, string> = {
  tooLarge: 'รูปมีขนาดใหญ่เกิน 10 MB',
  notAnImage: 'ไฟล์ที่ส่งมาไม่ใช่รูปภาพที่เปิดดูได้',
  expired: 'ระบบรับรูปไม่ทัน (LINE ลบไฟล์ไปแล้ว)',
};

export const photoRefusalReason = (reason: ReportPhotoError): string => REASONS[reason] ?? REASONS.notAnImage;

/** What to send instead: the formats the bot keeps. */
export const PHOTO_RETRY_HINT = 'กรุณาส่งรูปใหม่อีกครั้ง (รูปถ่ายหรือภาพ JPG, PNG, GIF หรือ WebP ไม่เกิน 10 MB)';
