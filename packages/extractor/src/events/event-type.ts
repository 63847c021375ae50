import type { EventType } from '@vnevents/schema';
import type { EventRules, TypeRule } from './rules.js';

export interface TypeDecision {
  type: EventType;
  rule: string;
  start: number;
  end: number;
}

/**
 * The type of the activity described in [from, to): the highest-priority trigger wins, and earlier text wins a tie
 * ("Đoàn kiểm tra … làm việc với …" is an inspection; "hội nghị giao ban" a briefing; "Hội nghị sơ kết" a review).
 */
const scanning = new WeakMap<TypeRule, RegExp>();
/** The rule's pattern compiled once more for scanning with offsets (g + d flags). */
function scanner(r: TypeRule): RegExp {
  let re = scanning.get(r);
  if (!re) {
    re = new RegExp(r.re.source, 'giud');
    scanning.set(r, re);
  }
  re.lastIndex = 0;
  return re;
}

export function decideType(text: string, from: number, to: number, rules: EventRules): TypeDecision | null {
  const span = text.slice(from, to);
  let best: (TypeDecision & { priority: number }) | null = null;
  for (const r of rules.eventType) {
    const m = scanner(r).exec(span);
    if (!m) continue;
    const [s, e] = m.indices![0]!;
    if (!best || r.priority > best.priority || (r.priority === best.priority && from + s < best.start))
      best = { type: r.type, rule: r.id, start: from + s, end: from + e, priority: r.priority };
  }
  return best && { type: best.type, rule: best.rule, start: best.start, end: best.end };
}

/** Whether the text reads as a non-event genre (accident, festival, sport, weather, harvest, advert, story). */
export function negativeGenre(text: string, rules: EventRules): string | null {
  for (const r of rules.negativeGenre) if (r.re.test(text)) return r.id;
  return null;
}
