import { hoisted } from '../recognizers/hoist.js';
import type { DocLexicon } from './doc-lexicon.js';
import type { OfficialMention } from './officials.js';
import { syllables, type UnitPhrase, unitListAt, unitPhraseAt } from './units.js';

export interface Parties {
  leadUnit: (UnitPhrase & { rule: string }) | null;
  targets: (UnitPhrase & { rule: string })[];
}

// Word-start look-behinds are compiled `hoisted` (boundaries.ts): the same matches, found faster.
const DELEGATION = hoisted(
  /(?<![\p{L}\p{N}])(?:Đoàn|đoàn) (?:công tác |liên ngành )?(?:kiểm tra|giám sát|công tác|khảo sát)(?:\s(?:số\s)?\d+)?(?:\s(?:của|thuộc))?\s/gu,
);
const TARGET_CUES: { id: string; re: RegExp }[] = [
  {
    id: 'target.lam-viec-voi',
    re: hoisted(/(?<![\p{L}\p{N}])(?:làm việc|buổi làm việc|làm việc trực tiếp)\s(?:với|tại)\s/gu),
  },
  {
    id: 'target.doi-voi',
    re: hoisted(/(?<![\p{L}\p{N}])(?:đối với|tại)\s(?=\p{Lu}|huyện|xã|tỉnh|thị xã|phường|thị trấn|quận)/gu),
  },
  {
    id: 'target.kiem-tra-tai',
    re: hoisted(/(?<![\p{L}\p{N}])(?:kiểm tra|giám sát|khảo sát|thăm)\s(?:tại|đối với)\s/gu),
  },
  { id: 'target.den', re: hoisted(/(?<![\p{L}\p{N}])(?:đến|về)\s(?:làm việc|kiểm tra|giám sát)\s(?:với|tại)\s/gu) },
];
const ORGANISER = hoisted(/(?<![\p{L}\p{N}])(?:tổ chức|phối hợp|chủ trì|triển khai)(?![\p{L}\p{N}])/u);

const ACTIVITY_VERB = hoisted(/(?<![\p{L}\p{N}])(?:làm việc|kiểm tra|giám sát|đã có|có buổi)(?![\p{L}\p{N}])/u);

/** The conducting body and the visited bodies named in the event's sentence [from, to). */
export function findParties(text: string, from: number, to: number, lex: DocLexicon): Parties {
  const s = text.slice(from, to);
  let leadUnit: Parties['leadUnit'] = null;
  DELEGATION.lastIndex = 0;
  const d = DELEGATION.exec(s);
  if (d) {
    const u = unitPhraseAt(text, from + d.index + d[0].length, lex);
    if (u) leadUnit = { ...u, rule: 'lead-unit.delegation-of' };
  }
  const targets: Parties['targets'] = [];
  for (const cue of TARGET_CUES) {
    cue.re.lastIndex = 0;
    for (const m of s.matchAll(cue.re)) {
      const list = unitListAt(text, from + m.index + m[0].length, lex);
      for (const u of list) {
        if (leadUnit && (u.start === leadUnit.start || u.name === leadUnit.name)) continue;
        if (/^[Đđ]oàn(?![\p{L}\p{N}])/u.test(u.name)) continue;
        if (!targets.some((t) => t.name === u.name)) targets.push({ ...u, rule: cue.id });
      }
    }
    if (targets.length) break;
  }
  if (!leadUnit) {
    // "Sáng 04/4, Ban Dân vận Tỉnh ủy phối hợp với … tổ chức hội nghị": the first unit of the sentence's subject.
    const verb = ORGANISER.exec(s) ?? ACTIVITY_VERB.exec(s);
    const limit = verb ? from + verb.index : to;
    for (const u of lex.unitsIn(from, limit)) {
      const p = unitPhraseAt(text, u.start, lex);
      if (!p || targets.some((t) => t.start === p.start)) continue;
      leadUnit = { ...p, rule: verb ? 'lead-unit.subject' : 'lead-unit.first-unit' };
      break;
    }
  }
  return { leadUnit, targets };
}

/** A scope word alone ("Trung ương", "tỉnh") is no body: take the body from the lead official's title. */
export function unitFromTitle(lead: OfficialMention | null, text: string, lex: DocLexicon): UnitPhrase | null {
  if (!lead || lead.titleStart < 0) return null;
  for (const u of lex.unitsIn(lead.titleStart, lead.titleEnd)) {
    const p = unitPhraseAt(text, u.start, lex);
    if (p && p.end <= lead.titleEnd && syllables(p.name) >= 3) return p;
  }
  return null;
}
