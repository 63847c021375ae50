import type { OfficialRole } from '@vnevents/schema';
import { hoisted } from '../recognizers/hoist.js';
import { matchKey } from '../text/index.js';
import type { OfficialMention } from './officials.js';

/** Case-, tone-placement- and diacritic-insensitive form for comparing titles with unit names. */
const fold = (s: string) => matchKey(s, { foldDiacritics: true });

export interface Person {
  name: string;
  title: string | null;
  role: OfficialRole;
  mention: OfficialMention;
  rule: string;
}

export interface RoleContext {
  text: string;
  /** The event's own sentence. */
  lead: { start: number; end: number };
  /** End of the paragraph holding the event's sentence. */
  leadParagraphEnd: number;
  leadUnitName: string | null;
  targetNames: string[];
}

const LEAD_AFTER = /^[\s,]*(?:làm (?:trưởng|Trưởng) đoàn|dẫn đầu|làm Trưởng Đoàn)/u;
const SPEAKS = hoisted(
  /(?<![\p{L}\p{N}])(?:phát biểu chỉ đạo|phát biểu kết luận|phát biểu khai mạc|kết luận (?:buổi|hội nghị|hội thảo|cuộc|tại)|chỉ đạo của|thay mặt đoàn|kết luận,)|^\s*kết luận(?![\p{L}\p{N}])/iu,
);
const HOST_BEFORE = hoisted(
  /(?<![\p{L}\p{N}])(?:dự và làm việc với đoàn có|tiếp và làm việc với đoàn có|tiếp đoàn có|báo cáo với đoàn|cùng dự|cùng tham dự|dự buổi làm việc)(?![\p{L}\p{N}])/iu,
);
const HOST_AFTER = /^[\s,]*(?:dự làm việc|cùng dự|tiếp đoàn|báo cáo|đã báo cáo|làm rõ)/iu;
const CHAIR = hoisted(/(?<![\p{L}\p{N}])(?:chủ trì|đồng chủ trì)(?![\p{L}\p{N}])/u);
const DO = hoisted(/(?<![\p{L}\p{N}])do(?![\p{L}\p{N}])/u);
/** Everything up to the place name of a unit ("Huyện ủy Quỳnh Phụ" → "Quỳnh Phụ"). */
const UP_TO_PLACE = hoisted(/^(?:.*?(?<![\p{L}\p{N}])(?:ủy|uỷ|huyện|xã|tỉnh|phường|thị xã|quận)\s)/iu);

/** Merges mentions into persons and gives each a role; returns the lead first. */
export function assignRoles(mentions: OfficialMention[], ctx: RoleContext): Person[] {
  const byName = new Map<string, OfficialMention[]>();
  for (const m of mentions) {
    const list = byName.get(m.name) ?? [];
    list.push(m);
    byName.set(m.name, list);
  }
  const placeOf = (u: string) => fold(u.replace(UP_TO_PLACE, ''));
  const targetPlaces = ctx.targetNames.map(placeOf).filter((p) => p.length >= 4);
  const scored = [...byName.entries()].map(([name, ms], order) => {
    let lead = 0;
    let host = false;
    let chair = false;
    let speaks = false;
    for (const m of ms) {
      const sentence = ctx.text.slice(m.start - m.before.length, m.end + m.after.length + 200);
      if (LEAD_AFTER.test(m.after) || /^Trưởng đoàn(?![\p{L}\p{N}])/u.test(m.title ?? '')) lead += 5;
      if (SPEAKS.test(m.before) || SPEAKS.test(m.after.slice(0, 60))) {
        lead += 3;
        speaks = true;
      }
      if (HOST_BEFORE.test(m.before) || HOST_AFTER.test(m.after)) host = true;
      const sentEnd = ctx.text.slice(m.end).search(/[.\n]/u);
      const rest = ctx.text.slice(m.end, sentEnd < 0 ? undefined : m.end + sentEnd);
      if (CHAIR.test(m.after) || (CHAIR.test(rest) && !DO.test(rest.slice(0, rest.search(CHAIR))))) chair = true;
      void sentence;
      if (m.start >= ctx.lead.start && m.start < ctx.lead.end) lead += 1;
    }
    const title = ms.find((m) => m.title)?.title ?? null;
    if (title && ctx.leadUnitName && fold(title).includes(fold(ctx.leadUnitName))) lead += 2;
    if (title && targetPlaces.some((p) => fold(title).endsWith(p))) host = true;
    if (chair) lead += 2;
    return { name, ms, lead, host, chair, speaks, title, order };
  });
  const candidates = scored.filter((s) => !s.host && s.lead >= 2);
  candidates.sort((a, b) => b.lead - a.lead || a.order - b.order);
  // Without a clear signal, the first official with a title named in the event's sentence or paragraph leads.
  const fallback = scored.find(
    (s) => !s.host && s.title && s.ms.some((m) => m.start >= ctx.lead.start && m.start < ctx.leadParagraphEnd),
  );
  const leadName = candidates[0]?.name ?? fallback?.name ?? null;
  const persons: Person[] = scored.map((s) => {
    const role: OfficialRole =
      s.name === leadName ? 'lead' : s.host || s.chair ? 'host' : s.speaks ? 'speaker' : 'participant';
    const mention = s.ms.find((m) => m.title) ?? s.ms[0]!;
    return { name: s.name, title: s.title, role, mention, rule: mention.rule };
  });
  persons.sort((a, b) => (a.role === 'lead' ? -1 : b.role === 'lead' ? 1 : 0));
  return persons;
}
