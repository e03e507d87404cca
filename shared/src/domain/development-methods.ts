/** Development methods named in municipal staff-development plans (แผนพัฒนาบุคลากร). */
export const DEVELOPMENT_METHODS = [
  { id: 'orientation', label: 'ปฐมนิเทศ', name: 'การปฐมนิเทศ' },
  { id: 'training', label: 'ฝึกอบรม', name: 'การฝึกอบรม' },
  { id: 'seminar', label: 'สัมมนา/เวิร์กช็อป', name: 'การสัมมนา/ประชุมเชิงปฏิบัติการ' },
  { id: 'studyVisit', label: 'ศึกษาดูงาน', name: 'การศึกษาดูงาน' },
  { id: 'coaching', label: 'สอนงาน (Coaching)', name: 'การสอนงาน' },
  { id: 'onTheJob', label: 'เรียนรู้จากงานจริง', name: 'การเรียนรู้จากการปฏิบัติงาน (On-the-job)' },
  { id: 'mentoring', label: 'พี่เลี้ยง', name: 'ระบบพี่เลี้ยง (Mentoring)' },
  { id: 'consulting', label: 'ให้คำปรึกษา', name: 'การให้คำปรึกษา' },
  { id: 'jobRotation', label: 'หมุนเวียนงาน', name: 'การหมุนเวียนงาน (Job rotation)' },
  { id: 'selfLearning', label: 'เรียนรู้ด้วยตนเอง', name: 'การเรียนรู้ด้วยตนเอง' },
  { id: 'eLearning', label: 'e-Learning', name: 'e-Learning (เช่น Local MOOC)' },
] as const;

export type DevelopmentMethodId = (typeof DEVELOPMENT_METHODS)[number]['id'];

export function developmentMethod(id: string) {
  return DEVELOPMENT_METHODS.find((m) => m.id === id);
}
