/**
 * The format of lexicons/gazetteer.json, written by scripts/build-gazetteer.ts and read by gazetteer.ts, and of the
 * hand-written lexicons/place-aliases.json it is built with.
 *
 * Names are full official names ("Huyện Đầm Hà"); parents are indices into the level above. `conversion` is aligned
 * with `pre.communes`: the post-2025 communes that each pre-2025 commune went into, as indices into `post.communes`;
 * a negative value `-(i + 1)` marks a commune that went into `i` only in part ("Nhập một phần").
 */
import { z } from 'zod';
import { LEVEL_WORDS } from './place-name.js';

export const GAZETTEER_FORMAT = 'vnevents-gazetteer/1';

/** Where a name lives: the era and level of a unit. */
export const PLACE_KINDS = ['pre-province', 'pre-district', 'pre-commune', 'post-province', 'post-commune'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

const name = z.string().min(1);
const index = z.number().int().nonnegative();
/** Checked in one loop rather than element by element: the arrays hold tens of thousands of items. */
const names = z.custom<string[]>(
  (v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0),
  'expected an array of non-empty strings',
);
const indices = z.custom<number[]>(
  (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0),
  'expected an array of non-negative integers',
);
const conversionLists = z.custom<number[][]>(
  (v) => Array.isArray(v) && v.every((l) => Array.isArray(l) && l.every((x) => Number.isInteger(x))),
  'expected an array of arrays of integers',
);

export const GazetteerDataSchema = z
  .object({
    format: z.literal(GAZETTEER_FORMAT),
    generatedBy: z.string(),
    sources: z.array(z.string()),
    pre: z.object({
      provinces: names,
      districts: names,
      districtProvince: indices,
      communes: names,
      communeDistrict: indices,
    }),
    post: z.object({
      provinces: names,
      communes: names,
      communeProvince: indices,
    }),
    conversion: conversionLists,
    /** Pre-2025 districts that had no communes (islands) and became a special zone: [district, post commune]. */
    districtConversion: z.array(z.tuple([index, index])),
    /** Other spellings of a unit's full name: [kind, index, name]. */
    aliases: z.array(z.tuple([z.enum(PLACE_KINDS), index, name])),
    /** Bare names the text matcher must not match without a level word. */
    bareExcluded: z.array(name),
    /** The phrases that introduce a name of each level in text. */
    introducers: z.record(z.enum(LEVEL_WORDS), z.array(name)),
  })
  .strict();
export type GazetteerData = z.infer<typeof GazetteerDataSchema>;

export const PlaceAliasEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be kebab-case ASCII'),
    alias: name,
    /** The full official name of the unit the alias stands for, as in the source data. */
    target: name,
    kinds: z.array(z.enum(PLACE_KINDS)).min(1),
    note: z.string().optional(),
  })
  .strict();
export type PlaceAliasEntry = z.infer<typeof PlaceAliasEntrySchema>;

export const BareExclusionSchema = z.object({ name, note: z.string().min(1) }).strict();

export const PlaceAliasFileSchema = z
  .object({
    lexicon: z.literal('place-aliases'),
    description: z.string(),
    entries: z.array(z.unknown()),
    /** Bare names not to match in text without a level word, each with the reason. */
    bareExcluded: z.array(BareExclusionSchema),
    /** Per level word, the phrases that introduce a name of that level ("huyện", "Huyện ủy"; "thành phố", "TP."). */
    introducers: z.record(z.enum(LEVEL_WORDS), z.array(name).min(1)),
  })
  .strict();
