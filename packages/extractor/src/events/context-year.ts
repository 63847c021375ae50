/** A year reasoned from context when the page has no publication date (basis "inferred"). */
export interface ContextYear {
  year: number;
  start: number;
  end: number;
  rule: string;
}

const QUARTER_OR_YEAR =
  /(?:quý\s+[IV]{1,3}\s*(?:\/|năm)\s*|(?<![\p{L}\p{N}])năm\s+|tháng\s+\d{1,2}\s*\/\s*)((?:19|20)\d{2})(?!\d)/diu;
const ANNIVERSARY =
  /(?<![\p{L}\p{N}])(\d{1,2}|mười|hai mươi)\s+năm\s+(?:thực hiện|triển khai|ban hành|thi hành)[^.\n]{0,300}?(?:\/|năm\s|\()((?:19|20)\d{2})(?!\d)/diu;
const WORD_NUMBERS: Record<string, number> = { mười: 10, 'hai mươi': 20 };

/**
 * Looks first in the head lines (title, banners: "quý I/2024", "Chủ đề công tác năm 2020"), then for an anniversary
 * ("10 năm thực hiện Quyết định … ngày 5/11/2010" → 2020) in the body.
 */
export function inferYear(text: string, head: { start: number; end: number }[]): ContextYear | null {
  for (const h of head) {
    const m = QUARTER_OR_YEAR.exec(text.slice(h.start, h.end));
    if (m) {
      const [s, e] = m.indices![0]!;
      return { year: +m[1]!, start: h.start + s, end: h.start + e, rule: 'year.head-line' };
    }
  }
  const a = ANNIVERSARY.exec(text);
  if (a) {
    const n = WORD_NUMBERS[a[1]!.toLowerCase()] ?? +a[1]!;
    const [s, e] = a.indices![0]!;
    return { year: +a[2]! + n, start: s, end: e, rule: 'year.anniversary' };
  }
  return null;
}
