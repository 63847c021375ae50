import type { EventType } from '@vnevents/schema';
import type { EventRules } from './rules.js';

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
export function decideType(text: string, from: number, to: number, rules: EventRules): TypeDecision | null {
  const span = text.slice(from, to);
  let best: (TypeDecision & { priority: number }) | null = null;
  for (const r of rules.eventType) {
    const re = new RegExp(r.re.source, 'giud');
    for (const m of span.matchAll(re)) {
      const [s, e] = m.indices![0]!;
      if (!best || r.priority > best.priority || (r.priority === best.priority && from + s < best.start))
        best = { type: r.type, rule: r.id, start: from + s, end: from + e, priority: r.priority };
      break;
    }
  }
  return best && { type: best.type, rule: best.rule, start: best.start, end: best.end };
}

/** Whether the text reads as a non-event genre (accident, festival, sport, weather, harvest, advert, story). */
export function negativeGenre(text: string, rules: EventRules): string | null {
  for (const r of rules.negativeGenre) if (r.re.test(text)) return r.id;
  return null;
}
