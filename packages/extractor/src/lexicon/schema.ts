/**
 * The zod schemas of the lexicon data files (packages/extractor/lexicons/*.json). Every file is
 * `{ lexicon, description, entries: [...] }`; every entry has an `id`, a `surface`, optional `aliases`, an optional
 * `caseRule` and `note`, and the fields of its lexicon. Unknown fields and unknown categories are errors.
 */
import { EVENT_TYPES } from '@vnevents/schema';
import { z } from 'zod';

export const LEXICON_NAMES = ['titles', 'units', 'abbreviations', 'cues', 'triggers', 'surnames'] as const;
export type LexiconName = (typeof LEXICON_NAMES)[number];

export const CASE_RULES = ['any', 'capitalised', 'exact'] as const;

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VOWELS = 'aăâeêioôơuưy';
/** Every Vietnamese letter, both cases, plus the Latin f j w z found in foreign names. */
const LETTERS = (() => {
  let s = 'bcdđghklmnpqrstvxfjwz';
  for (const v of VOWELS) for (const t of TONES) s += (v + t).normalize('NFC');
  return s + s.toUpperCase();
})();
const BASE_CHARS = `${LETTERS}0123456789 -/.()&,`;

/** Characters a surface may contain, per lexicon: clutter cues are page furniture and may contain "|" and ":". */
export function allowedCharacters(extra = ''): ReadonlySet<string> {
  return new Set([...BASE_CHARS, ...extra]);
}

/** A surface: non-empty, trimmed, single-spaced, NFC, and made only of `allowed` characters. */
export function surfaceSchema(allowed: ReadonlySet<string>) {
  return z.string().superRefine((s, ctx) => {
    if (s.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'empty surface' });
      return;
    }
    if (s !== s.trim() || s.includes('  '))
      ctx.addIssue({ code: 'custom', message: `surface ${JSON.stringify(s)} has leading, trailing or double spaces` });
    if (s.normalize('NFC') !== s)
      ctx.addIssue({ code: 'custom', message: `surface ${JSON.stringify(s)} is not in Unicode NFC` });
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (!allowed.has(ch)) {
        const cp = ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
        ctx.addIssue({
          code: 'custom',
          message: `stray character ${JSON.stringify(ch)} (U+${cp}) at position ${i} of surface ${JSON.stringify(s)}`,
        });
        return;
      }
    }
  });
}

const idSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case ASCII words joined by "-" (kebab-case)');

function entrySchema<S extends z.ZodRawShape>(shape: S, extraChars = '') {
  const surface = surfaceSchema(allowedCharacters(extraChars));
  return z
    .object({
      id: idSchema,
      surface,
      aliases: z.array(surface).optional(),
      caseRule: z.enum(CASE_RULES).optional(),
      note: z.string().min(1).optional(),
    })
    .extend(shape)
    .strict();
}

export const TitleEntrySchema = entrySchema({
  category: z.enum([
    'party',
    'government',
    'agency',
    'council',
    'assembly',
    'front',
    'mass-org',
    'delegation',
    'judicial',
    'security',
    'local',
    'generic',
  ]),
  rank: z.enum(['head', 'deputy', 'member', 'staff']),
  scope: z.enum(['national']).optional(),
});
export type TitleEntry = z.infer<typeof TitleEntrySchema>;

export const LEVELS = ['central', 'province', 'city', 'district', 'commune'] as const;

export const UnitEntrySchema = entrySchema({
  kind: z.enum(['party', 'state', 'front', 'mass-org', 'committee', 'department', 'delegation', 'scope']),
  level: z.enum(LEVELS).optional(),
});
export type UnitEntry = z.infer<typeof UnitEntrySchema>;

export const AbbreviationEntrySchema = entrySchema({
  expansion: z.string().min(1),
  category: z.enum(['body', 'title', 'place-level', 'place', 'term']),
});
export type AbbreviationEntry = z.infer<typeof AbbreviationEntrySchema>;

export const CUE_CATEGORIES = ['result', 'limitation', 'recommendation', 'proposal', 'speech', 'clutter'] as const;
export const CueEntrySchema = entrySchema(
  {
    category: z.enum(CUE_CATEGORIES),
    strength: z.enum(['strong', 'weak']).optional(),
    leadIn: z.boolean().optional(),
    position: z.enum(['line', 'line-start', 'anywhere']).optional(),
  },
  '|:',
).superRefine((e, ctx) => {
  if (e.position !== undefined && e.category !== 'clutter')
    ctx.addIssue({ code: 'custom', path: ['position'], message: 'only clutter cues have a position' });
  if (e.category !== 'clutter' && /[|:]/.test([e.surface, ...(e.aliases ?? [])].join('')))
    ctx.addIssue({ code: 'custom', path: ['surface'], message: '"|" and ":" are allowed in clutter cues only' });
});
export type CueEntry = z.infer<typeof CueEntrySchema>;

const weight = z.number().positive().max(10);
export const TriggerEntrySchema = z.discriminatedUnion('kind', [
  entrySchema({ kind: z.literal('trigger'), type: z.enum(EVENT_TYPES), weight }),
  entrySchema({
    kind: z.literal('negative'),
    genre: z.enum(['traffic', 'festival', 'sport', 'weather', 'agriculture', 'market', 'commerce', 'crime']),
    weight,
  }),
]);
export type TriggerEntry = z.infer<typeof TriggerEntrySchema>;

export const SurnameEntrySchema = entrySchema({
  origin: z.enum(['kinh', 'minority', 'both']),
  variantOf: idSchema.optional(),
  ambiguous: z.boolean().optional(),
});
export type SurnameEntry = z.infer<typeof SurnameEntrySchema>;

export interface LexiconEntryTypes {
  titles: TitleEntry;
  units: UnitEntry;
  abbreviations: AbbreviationEntry;
  cues: CueEntry;
  triggers: TriggerEntry;
  surnames: SurnameEntry;
}

export const ENTRY_SCHEMAS: { readonly [K in LexiconName]: z.ZodType<LexiconEntryTypes[K]> } = {
  titles: TitleEntrySchema,
  units: UnitEntrySchema,
  abbreviations: AbbreviationEntrySchema,
  cues: CueEntrySchema,
  triggers: TriggerEntrySchema,
  surnames: SurnameEntrySchema,
};

/** The case rule of an entry when it names none: abbreviations are case-exact, surnames need a capital. */
export const DEFAULT_CASE_RULES: { readonly [K in LexiconName]: (typeof CASE_RULES)[number] } = {
  titles: 'any',
  units: 'any',
  abbreviations: 'exact',
  cues: 'any',
  triggers: 'any',
  surnames: 'capitalised',
};

export const LexiconFileSchema = z
  .object({
    lexicon: z.enum(LEXICON_NAMES),
    description: z.string().min(1),
    entries: z.array(z.unknown()).min(1, 'a lexicon needs at least one entry'),
  })
  .strict();
