import { readFileSync } from 'node:fs';
import { EventTypeSchema } from '@vnevents/schema';
import { z } from 'zod';
import { unicodeBoundaries } from './boundaries.js';

/** A compiled rule: its id travels with every value it produces. */
export interface PatternRule {
  id: string;
  re: RegExp;
}
export interface TypeRule extends PatternRule {
  type: z.infer<typeof EventTypeSchema>;
  priority: number;
}

const patternEntry = z.object({ id: z.string().regex(/^[a-z][a-z0-9.-]+$/), pattern: z.string().min(1) }).strict();
const RulesFileSchema = z
  .object({
    $comment: z.string().optional(),
    version: z.string().min(1),
    clutterLine: z.array(patternEntry).min(1),
    bylineLine: z.array(patternEntry).min(1),
    captionLine: z.array(patternEntry).min(1),
    eventType: z.array(patternEntry.extend({ type: EventTypeSchema, priority: z.number().int() }).strict()).min(1),
    negativeGenre: z.array(patternEntry).min(1),
    officialContext: z.array(patternEntry).min(1),
    leadIn: z.object({ recommendation: z.string(), proposal: z.string(), limitation: z.string() }).strict(),
    limitationCue: z.string().min(1),
    resultCue: z.string().min(1),
    metaSentence: z.string().min(1),
    imperativeStart: z.string().min(1),
    appraisalGeneric: z.string().min(1),
    backgroundSentence: z.string().min(1),
  })
  .strict();

export interface EventRules {
  version: string;
  clutterLine: PatternRule[];
  bylineLine: PatternRule[];
  captionLine: PatternRule[];
  eventType: TypeRule[];
  negativeGenre: PatternRule[];
  officialContext: PatternRule[];
  leadIn: { recommendation: string; proposal: string; limitation: string };
  limitationCue: RegExp;
  resultCue: RegExp;
  metaSentence: RegExp;
  imperativeStart: RegExp;
  appraisalGeneric: RegExp;
  /** Context that is no result: the activity's own basis or purpose, background, awards, what will be done. */
  backgroundSentence: RegExp;
}

export { unicodeBoundaries } from './boundaries.js';

function compile(source: string, where: string, flags = 'iu'): RegExp {
  try {
    return new RegExp(unicodeBoundaries(source), flags);
  } catch (err) {
    throw new Error(`rules file: ${where}: pattern does not compile: ${(err as Error).message}`);
  }
}

/** Parses and compiles a rules document; throws an error naming the entry on any defect. */
export function compileRules(data: unknown, file = 'rules/events.json'): EventRules {
  const parsed = RulesFileSchema.safeParse(data);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    throw new Error(`${file}: ${i.path.join('.') || '(root)'}: ${i.message}`);
  }
  const r = parsed.data;
  const ids = new Set<string>();
  const list = (key: string, entries: { id: string; pattern: string }[]): PatternRule[] =>
    entries.map((e) => {
      if (ids.has(e.id)) throw new Error(`${file}: ${key}: duplicate rule id ${e.id}`);
      ids.add(e.id);
      return { id: e.id, re: compile(e.pattern, `${key}.${e.id}`) };
    });
  return {
    version: r.version,
    clutterLine: list('clutterLine', r.clutterLine),
    bylineLine: list('bylineLine', r.bylineLine),
    captionLine: list('captionLine', r.captionLine),
    eventType: r.eventType.map((e) => ({ ...list('eventType', [e])[0]!, type: e.type, priority: e.priority })),
    negativeGenre: list('negativeGenre', r.negativeGenre),
    officialContext: list('officialContext', r.officialContext),
    leadIn: r.leadIn,
    limitationCue: compile(r.limitationCue, 'limitationCue'),
    resultCue: compile(r.resultCue, 'resultCue'),
    metaSentence: compile(r.metaSentence, 'metaSentence'),
    imperativeStart: compile(r.imperativeStart, 'imperativeStart'),
    appraisalGeneric: compile(r.appraisalGeneric, 'appraisalGeneric'),
    backgroundSentence: compile(r.backgroundSentence, 'backgroundSentence'),
  };
}

let cached: EventRules | undefined;

/** The event rules shipped with the package (rules/events.json), compiled once. */
export function eventRules(): EventRules {
  if (!cached) {
    const url = new URL('../../rules/events.json', import.meta.url);
    cached = compileRules(JSON.parse(readFileSync(url, 'utf8')), url.pathname);
  }
  return cached;
}

export function firstMatch(rules: PatternRule[], s: string): PatternRule | undefined {
  return rules.find((r) => r.re.test(s));
}
