import { norm } from '../eval/score.js';
import { hoisted } from '../recognizers/hoist.js';
import { clauses, sentences } from '../text/index.js';
import type { Paragraph } from './document.js';
import type { OfficialMention } from './officials.js';
import type { EventRules } from './rules.js';

export type ItemKind = 'results' | 'limitations' | 'recommendations' | 'proposals';

export interface ItemSpan {
  kind: ItemKind;
  start: number;
  end: number;
  rule: string;
  by: string | null;
}

interface Span {
  start: number;
  end: number;
}

/** Trims white space, trailing punctuation and ellipses from a span (the item is the clause, not its stop). */
function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /[\s,;:.…\-–]/u.test(text[start]!)) start++;
  while (end > start && /[\s,;:.…!?]/u.test(text[end - 1]!)) end--;
  // The "./" that closes an article on many portals.
  if (text.slice(end - 2, end) === './') end -= 2;
  else if (text[end - 1] === '/' && text[end - 2] === '.') end -= 2;
  // An unclosed opening quote at the end, or a closing quote with no opening one, stays as written.
  return { start, end };
}

const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

// Patterns with a word-start look-behind are compiled `hoisted` (boundaries.ts): the same matches, found without
// evaluating the look-behind at every position of the sentence.

/** Lead-in phrases cut from the front of a result clause. */
const RESULT_LEAD = [
  hoisted(/^.{0,160}?(?<![\p{L}\p{N}])(?:cho biết|nhận thấy|cho thấy|khẳng định|thông tin)(?![\p{L}\p{N}])[,:]?\s+/u),
  /^(?:do đó|vì vậy|qua đó|từ đó|đặc biệt(?: là)?|trong đó|nhìn chung|bên cạnh đó|ngoài ra|đồng thời|cụ thể|nổi bật(?: là)?|thời gian qua),?\s+/iu,
];
const REC_LEAD_FILLER =
  /^(?:,?\s*(?:trong thời gian tới|thời gian tới|trong năm \d{4}|từ nay đến cuối năm|sắp tới|trước mắt)\s*,?\s*)/iu;
const CAN_PHAI = /\s(?:cần|phải|cần phải|tiếp tục cần)\s/u;
const LIM_LIST = hoisted(
  /(?<![\p{L}\p{N}])(?:hạn chế|tồn tại|khó khăn|vướng mắc|bất cập)[^.;:]{0,80}?(?<![\p{L}\p{N}])như(?![\p{L}\p{N}])\s*:?\s*/iu,
);
const SPEAKER_IS_LEAD = /^(?:thay mặt đoàn|đoàn (?:kiểm tra|giám sát|công tác))/iu;
const DOI_VOI = /^đối với(?![\p{L}\p{N}])/iu;
const DOAN = hoisted(/(?<![\p{L}\p{N}])đoàn(?![\p{L}\p{N}])/iu);
const CONTINUED_LEAD = /^(?:trong đó|đồng thời|bên cạnh đó|ngoài ra),?\s*/iu;
const LIM_LIST_OPENER = hoisted(/(?<![\p{L}\p{N}])(?:còn|vẫn còn|nhìn nhận|chỉ ra)(?![\p{L}\p{N}])/iu);
const LIM_LEAD_CLAUSE = /^(?:[^,]{0,40}),\s*/u;
const APPRAISAL = hoisted(/(?<![\p{L}\p{N}])(?:ghi nhận|đánh giá cao|biểu dương)(?![\p{L}\p{N}])/iu);
const NAMES_SHORTCOMINGS = hoisted(/(?<![\p{L}\p{N}])(?:chỉ ra|nêu rõ) (?:những|các|một số) (?:tồn tại|hạn chế)/iu);

interface LeadInCues {
  rec: RegExp;
  prop: RegExp;
  limLead: RegExp;
}
const leadInCues = new WeakMap<EventRules, LeadInCues>();

/** The lead-in cues built from the rules' phrases, compiled once per rules object. */
function cuesOf(rules: EventRules): LeadInCues {
  let c = leadInCues.get(rules);
  if (!c) {
    c = {
      rec: hoisted(new RegExp(`(?<![\\p{L}\\p{N}])${rules.leadIn.recommendation}(?![\\p{L}\\p{N}])\\s*:?\\s*`, 'iu')),
      prop: hoisted(
        new RegExp(
          `(?<![\\p{L}\\p{N}])${rules.leadIn.proposal}(?![\\p{L}\\p{N}])(?:\\s(?:một số|các|những)\\s(?:vấn đề|nội dung|kiến nghị|đề xuất)(?:\\s(?:sau|như))?|\\s(?:vấn đề|nội dung))?\\s*(?::|như:?|\\s(?=(?:với\\s)?(?:đoàn|tỉnh|Trung ương|trung ương|cấp trên|các bộ|bộ|ngành|Nhà nước|nhà nước|Quốc hội|Chính phủ|các cấp)))\\s*`,
          'iu',
        ),
      ),
      limLead: new RegExp(`^(?:${rules.leadIn.limitation})(?![\\p{L}\\p{N}])`, 'iu'),
    };
    leadInCues.set(rules, c);
  }
  return c;
}

export interface ItemContext {
  text: string;
  paragraphs: Paragraph[];
  rules: EventRules;
  officials: OfficialMention[];
  /** Names of officials on the visited side (their instructions to their own units are not recommendations). */
  hostNames: Set<string>;
  leadName: string | null;
  /** Where the event's own description ends: items are read after it. */
  bodyFrom: number;
  /** Where this event's report ends (a second event's sentence starts). */
  bodyTo: number;
}

/** Reads results, limitations, recommendations and proposals from the body after the event's lead. */
export function findItems(ctx: ItemContext): ItemSpan[] {
  const { text, rules } = ctx;
  const { rec: recCue, prop: propCue, limLead } = cuesOf(rules);
  const limList = LIM_LIST;
  const out: ItemSpan[] = [];
  let speaker: string | null = null;
  let state: 'report' | 'rec' | 'lim' = 'report';
  let recBy: string | null = null;

  const push = (kind: ItemKind, s: Span, rule: string, by: string | null = null) => {
    const t = trim(text, s);
    if (t.end - t.start < 8 || words(text.slice(t.start, t.end)) < 3) return;
    out.push({ kind, start: t.start, end: t.end, rule, by });
  };
  const pushClauses = (kind: ItemKind, s: Span, rule: string, by: string | null = null) => {
    for (const c of clauses(text, s)) push(kind, c, rule, by);
  };

  for (const para of ctx.paragraphs) {
    if (para.role !== 'body' || para.end <= ctx.bodyFrom || para.start >= ctx.bodyTo) continue;
    if (state === 'lim') state = 'report';
    let first = true;
    for (const sent of sentences(text, Math.max(para.start, ctx.bodyFrom), Math.min(para.end, ctx.bodyTo))) {
      const s = text.slice(sent.start, sent.end);
      const mentions = ctx.officials.filter((o) => o.start >= sent.start && o.start < sent.end);
      const subject = mentions.find((o) => o.start - sent.start < 120);
      if (subject) speaker = subject.name;
      else if (SPEAKER_IS_LEAD.test(s)) speaker = ctx.leadName;
      const speakerIsHost = speaker !== null && ctx.hostNames.has(speaker);
      const firstInPara = first;
      first = false;

      // Proposals of the visited body.
      const prop = propCue.exec(s);
      if (prop && !DOI_VOI.test(s)) {
        state = 'report';
        pushClauses(
          'proposals',
          { start: sent.start + prop.index + prop[0].length, end: sent.end },
          'item.proposal.lead-in',
        );
        continue;
      }
      // Recommendations: the leading side asks something of the others.
      const rec = recCue.exec(s);
      if (rec && !speakerIsHost && (speaker !== null || DOAN.test(s.slice(0, rec.index)))) {
        let from = sent.start + rec.index + rec[0].length;
        const filler = REC_LEAD_FILLER.exec(text.slice(from, sent.end));
        if (filler) from += filler[0].length;
        const window = text.slice(from, Math.min(sent.end, from + 120));
        const can = CAN_PHAI.exec(window);
        if (can && words(window.slice(0, can.index)) <= 12) from += can.index + can[0].length;
        state = 'rec';
        recBy = speaker;
        pushClauses('recommendations', { start: from, end: sent.end }, 'item.recommendation.lead-in', recBy);
        continue;
      }
      if (rec && speakerIsHost) {
        state = 'report';
        continue;
      }
      if (state === 'rec') {
        const body = s.replace(CONTINUED_LEAD, '');
        if (rules.imperativeStart.test(body) && !rules.metaSentence.test(s)) {
          const cut = s.length - body.length;
          pushClauses(
            'recommendations',
            { start: sent.start + cut, end: sent.end },
            'item.recommendation.continued',
            recBy,
          );
          continue;
        }
        if (!firstInPara || !rules.imperativeStart.test(body)) state = 'report';
      }
      if (rules.metaSentence.test(s) || mentions.length > 1) continue;
      // Limitations: a lead-in sentence opens the block; its clauses (or its list after "như:") are the items.
      const list = limList.exec(s);
      if (limLead.test(s) || list) {
        if (list && (limLead.test(s) || LIM_LIST_OPENER.test(s.slice(0, list.index + 1)) || list.index < 60)) {
          state = 'lim';
          pushClauses(
            'limitations',
            { start: sent.start + list.index + list[0].length, end: sent.end },
            'item.limitation.list',
          );
          continue;
        }
        if (limLead.test(s) && rules.limitationCue.test(s)) {
          state = 'lim';
          const lead = LIM_LEAD_CLAUSE.exec(s);
          pushClauses(
            'limitations',
            { start: sent.start + (lead ? lead[0].length : 0), end: sent.end },
            'item.limitation.lead-in',
          );
          continue;
        }
      }
      if (state === 'lim' && rules.limitationCue.test(s)) {
        pushClauses('limitations', sent, 'item.limitation.continued');
        continue;
      }
      // Results: statements of what was achieved.
      if (subject && !(ctx.leadName && subject.name === ctx.leadName)) continue;
      if (subject) {
        const appraisal = APPRAISAL.exec(s);
        if (!appraisal) continue;
        const from = sent.start + appraisal.index;
        if (rules.appraisalGeneric.test(text.slice(from, sent.end))) continue;
        pushClauses('results', { start: from, end: sent.end }, 'item.result.appraisal');
        continue;
      }
      if (!rules.resultCue.test(s) || rules.backgroundSentence.test(s) || NAMES_SHORTCOMINGS.test(s)) continue;
      let from = sent.start;
      for (const lead of RESULT_LEAD) {
        const m = lead.exec(text.slice(from, sent.end));
        if (m && words(m[0]) <= 25) from += m[0].length;
      }
      pushClauses('results', { start: from, end: sent.end }, 'item.result.statement');
    }
  }
  return dedupe(text, out);
}

/** The scorer's syllables of a text (eval/score.ts `syl`): normalised, split at spaces. */
const syllablesOf = (s: string) => norm(s).split(' ').filter(Boolean);

/** eval/score.ts `sylF1` over syllables already split: the same arithmetic, so the same value. */
function syllableF1(A: string[], B: string[]): number {
  if (!A.length || !B.length) return 0;
  const bag = new Map<string, number>();
  for (const x of B) bag.set(x, (bag.get(x) ?? 0) + 1);
  let o = 0;
  for (const x of A) {
    const n = bag.get(x) ?? 0;
    if (n > 0) {
      o++;
      bag.set(x, n - 1);
    }
  }
  if (!o) return 0;
  const p = o / A.length;
  const r = o / B.length;
  return (2 * p * r) / (p + r);
}

/**
 * The same item stated twice is one item (the first): syllable F1 of 0.8 or more with a kept item of its kind.
 * Each item is split into syllables once, not once per pair compared.
 */
function dedupe(text: string, items: ItemSpan[]): ItemSpan[] {
  const kept: { item: ItemSpan; syllables: string[] }[] = [];
  for (const item of items) {
    const syllables = syllablesOf(text.slice(item.start, item.end));
    if (kept.some((k) => k.item.kind === item.kind && syllableF1(k.syllables, syllables) >= 0.8)) continue;
    kept.push({ item, syllables });
  }
  return kept.map((k) => k.item);
}
