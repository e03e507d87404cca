import type { BankQuestion } from '@phattana/shared';
import type { DocumentReference } from 'firebase-admin/firestore';

// A starter ethics question bank for `npm start`, so HR can draw the year's sample on /hr/ethics at
// once (a draw needs at least five active questions). Right answers are the first choice; the quiz
// shows each person the choices in their own order.

const QUESTIONS: readonly [string, readonly string[], string?][] = [
  [
    'ผู้มาติดต่อราชการมอบของขวัญมูลค่าสูงให้ ท่านควรทำอย่างไร',
    ['ปฏิเสธอย่างสุภาพ', 'รับไว้เพราะเป็นน้ำใจ', 'รับไว้แล้วแบ่งเพื่อนร่วมงาน'],
    'เจ้าหน้าที่ของรัฐไม่ควรรับทรัพย์สินเกินราคาที่กฎหมายกำหนด',
  ],
  ['ผลประโยชน์ทับซ้อนหมายถึงข้อใด', ['ประโยชน์ส่วนตนขัดกับประโยชน์ส่วนรวม', 'การทำงานล่วงเวลา', 'การได้รับเงินเดือนสองขั้น']],
  ['เมื่อพบการทุจริตในหน่วยงาน ควรทำอย่างไร', ['แจ้งผ่านช่องทางร้องเรียนของหน่วยงาน', 'เพิกเฉย', 'โพสต์ลงสื่อสังคมทันที']],
  ['การนำรถราชการไปใช้ธุระส่วนตัวถูกต้องหรือไม่', ['ไม่ถูกต้อง', 'ถูกต้องถ้าเติมน้ำมันเอง', 'ถูกต้องในวันหยุด']],
  [
    'หลักธรรมาภิบาลข้อใดเกี่ยวกับการเปิดเผยข้อมูลให้ตรวจสอบได้',
    ['หลักความโปร่งใส', 'หลักความคุ้มค่า', 'หลักนิติธรรม', 'หลักการมีส่วนร่วม'],
  ],
  ['การให้บริการประชาชนที่ดีควรเป็นอย่างไร', ['เท่าเทียมและเป็นธรรม', 'ให้บริการคนรู้จักก่อน', 'ให้บริการตามอารมณ์']],
  ['ผู้บังคับบัญชาสั่งให้ทำสิ่งที่ผิดระเบียบ ควรทำอย่างไร', ['ทักท้วงเป็นหนังสือ', 'ทำตามทันที', 'ลาออก']],
  [
    'ข้อใดเป็นการรักษาความลับของทางราชการ',
    ['ไม่เปิดเผยข้อมูลส่วนบุคคลของผู้รับบริการ', 'เล่าเรื่องงานให้คนนอกฟัง', 'ส่งเอกสารราชการทางกลุ่มไลน์ส่วนตัว'],
  ],
  [
    'การใช้ทรัพยากรของราชการอย่างคุ้มค่าคือข้อใด',
    ['ปิดไฟและเครื่องปรับอากาศเมื่อไม่ใช้', 'พิมพ์เอกสารส่วนตัวที่ทำงาน', 'เปิดเครื่องปรับอากาศทิ้งไว้ข้ามคืน'],
  ],
  [
    'ประมวลจริยธรรมของเจ้าหน้าที่ของรัฐมุ่งหมายเพื่อสิ่งใด',
    ['ให้ปฏิบัติหน้าที่ด้วยความซื่อสัตย์และเป็นธรรม', 'ลดจำนวนบุคลากร', 'เพิ่มเงินเดือน'],
  ],
];

export async function seedDemoEthicsQuestions(m: DocumentReference, now: Date): Promise<void> {
  const bank = m.collection('ethicsQuestions');
  await Promise.all(
    QUESTIONS.map(([text, labels, explanation], i) =>
      bank.doc(`demo-${String(i + 1).padStart(2, '0')}`).set({
        text,
        choices: labels.map((label, j) => ({ id: 'abcde'[j] as string, label })),
        answerId: 'a',
        ...(explanation ? { explanation } : {}),
        retired: false,
        updatedAt: new Date(now.getTime() + i).toISOString(),
        updatedBy: 'นางกาญจนา มีทรัพย์',
      } satisfies Omit<BankQuestion, 'id'>),
    ),
  );
}
