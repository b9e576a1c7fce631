import { describe, expect, it } from 'vitest';
import { getScanner } from './helpers';

const ids = (text: string, lang?: 'vi' | 'fr' | 'en') => getScanner().scan(text, lang).flags.map((f) => f.id);

describe('scanner behaviour', () => {
  it('does not take short chat lines for ads', () => {
    for (const line of ['xin chào', 'Tôi muốn kiểm tra một lời mời làm việc', 'Is this job safe?', 'bonjour, aide-moi', 'cam on ban nhieu']) {
      expect(getScanner().scan(line).looksLikeAd, line).toBe(false);
    }
  });

  it('takes a long message with job, pay and contact cues for an ad', () => {
    const r = getScanner().scan('Tuyển nhân viên bán hàng, lương 8 triệu, liên hệ cửa hàng ở 12 Lê Lợi để phỏng vấn.');
    expect(r.looksLikeAd).toBe(true);
    expect(r.lang).toBe('vi');
  });

  it('ignores a fee or a ticket that is denied ("không thu phí", "no fees")', () => {
    expect(ids('Công ty không thu phí hồ sơ, không đặt cọc.', 'vi')).not.toContain('fees');
    expect(ids('Phí hồ sơ 500k, đóng trước khi phỏng vấn.', 'vi')).toContain('fees');
    expect(ids('No deposit, no processing fee: we never ask candidates for money.', 'en')).not.toContain('fees');
    expect(ids('Aucun frais de dossier ne sera demandé.', 'fr')).not.toContain('fees');
  });

  it('does not report a chat app as the only contact when an official channel is given', () => {
    expect(ids('Liên hệ Zalo 09xx xxx xxx.', 'vi')).toContain('chat_contact');
    expect(ids('Liên hệ Zalo 09xx xxx xxx hoặc gửi CV về hr@anphat-food.vn', 'vi')).not.toContain('chat_contact');
    expect(ids('WhatsApp +66 xx xxx xxxx or apply at www.example-hotel.co.th', 'en')).not.toContain('chat_contact');
  });

  it('finds handles and placeholder phone numbers', () => {
    const r = getScanner().scan('Contact @recruiter_asia now', 'en');
    expect(r.flags.find((f) => f.id === 'chat_contact')?.evidence).toBe('@recruiter_asia');
    const p = getScanner().scan('Gọi ngay 09xx xxx xxx', 'vi');
    expect(p.flags.find((f) => f.id === 'chat_contact')?.evidence).toBe('09xx xxx xxx');
  });

  it('tells "bao vé" (tickets included) from "bảo vệ" (security guard) without diacritics', () => {
    expect(ids('Tuyen bao ve khu nghi duong, luong 8 trieu', 'vi')).not.toContain('travel_paid');
    expect(ids('Luong 20 trieu, bao an o, bao ve.', 'vi')).toContain('travel_paid');
  });

  it('does not take "lao động" (labour) for Laos, but finds "sang Lào"', () => {
    expect(ids('Công ty xuất khẩu lao động tuyển kỹ sư', 'vi')).not.toContain('destination');
    expect(ids('Tuyển người đi làm sang Lào', 'vi')).toContain('destination');
  });

  it('rates a destination with a border crossing higher than the destination alone', () => {
    const alone = getScanner().scan('Job in Myawaddy, contact us.', 'en');
    // (no pick-up or paid travel here: "we pick you up" is itself travel arranged, R4, and makes it high)
    const route = getScanner().scan('Job in Myawaddy, you travel overland through Mae Sot, contact us.', 'en');
    expect(alone.risk).toBe('low');
    expect(route.risk).toBe('medium');
  });

  it('lists the strongest flags first', () => {
    const r = getScanner().scan('Urgent! Customer service in Cambodia, visa on arrival, DM me', 'en');
    expect(r.flags.map((f) => f.id)).toEqual(['tourist_visa', 'destination', 'chat_contact', 'urgency', 'vague_job']);
    expect(r.risk).toBe('high');
  });

  it('rates a plain, legitimate ad low', () => {
    const r = getScanner().scan(
      'Công ty TNHH An Phát tuyển kế toán, lương 10 triệu, hợp đồng 1 năm, nộp hồ sơ tại 12 Lê Lợi, phường Bến Nghé, Quận 1.',
    );
    expect(r).toMatchObject({ lang: 'vi', risk: 'low', flags: [] });
  });
});
