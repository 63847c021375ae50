import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import {
  clauses,
  encodeLegacy,
  listItems,
  matchKey,
  normalise,
  paragraphs,
  type Segment,
  sentences,
  tokens,
} from '../../src/text/index.js';
import { matchKeyReference } from '../../src/text/match-key.js';

// Arbitrary text: full Unicode (binary: any code point), graphemes, and Vietnamese-looking text with the
// punctuation, digits and line breaks that the splitters care about.
const VIET = [...'aăâeêioôơuưy đĐ hoàthủyquýngườiĐẦMHÀ.,;:!?…"“”()- \n\n\t0123456789/ TP.TS.v.v.'];
const vietnamese = fc.array(fc.constantFrom(...VIET), { maxLength: 200 }).map((cs) => cs.join(''));
const words = fc
  .array(
    fc.constantFrom(
      'Đoàn',
      'kiểm',
      'tra',
      'hoà',
      'thủy',
      'TP.',
      'v.v.',
      '83,2ha',
      '114-KL/TW',
      '11.09.2019',
      '18:11:27',
      '“Dân',
      'vận”',
      'như:',
      '- ',
      'a)',
      ';',
      '.',
      '…',
      '\n',
      'nh©n',
      'chaøo',
      'Vie^.t',
    ),
    { maxLength: 60 },
  )
  .map((ws) => ws.join(' '));
const loneSurrogates = fc
  .array(
    fc.oneof(
      fc.constantFrom(...VIET),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    ),
    {
      maxLength: 40,
    },
  )
  .map((cs) => cs.join(''));
const anyText = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.string({ unit: 'grapheme' }),
  vietnamese,
  words,
  loneSurrogates,
);
const RUNS = { numRuns: 300 };

function checkSegments(text: string, segs: Segment[], from = 0, to = text.length): void {
  let last = from;
  for (const s of segs) {
    expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
    expect(s.start).toBeGreaterThanOrEqual(last);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(to);
    const surface = text.slice(s.start, s.end);
    expect(surface).toBe(surface.trim());
    last = s.end;
  }
}

describe('properties', () => {
  it('normalise is idempotent and returns NFC', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const once = normalise(raw).text;
        expect(normalise(once).text).toBe(once);
        expect(once.normalize('NFC')).toBe(once);
      }),
      RUNS,
    );
  });

  it('normalise is idempotent on legacy-encoded text', () => {
    fc.assert(
      fc.property(words, fc.constantFrom('tcvn3' as const, 'vni' as const, 'viqr' as const), (s, enc) => {
        const once = normalise(encodeLegacy(s, enc)).text;
        expect(normalise(once).text).toBe(once);
      }),
      RUNS,
    );
  });

  it('matchKey preserves the length, with and without folding', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const t = normalise(raw).text;
        expect(matchKey(t)).toHaveLength(t.length);
        expect(matchKey(t, { foldDiacritics: true })).toHaveLength(t.length);
        expect(matchKey(raw)).toHaveLength(raw.length);
      }),
      RUNS,
    );
  });

  it('matchKey: the native lower-casing fast path gives the same key as the tables', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          anyText,
          vietnamese.map((s) => s.toUpperCase()),
        ),
        (t) => {
          expect(matchKey(t)).toBe(matchKeyReference(t));
          expect(matchKey(`${t} `.repeat(40))).toBe(matchKeyReference(`${t} `.repeat(40)));
        },
      ),
      RUNS,
    );
  });

  it('matchKey folds case: the key of the upper-cased text is the key of the text (Vietnamese letters)', () => {
    fc.assert(
      fc.property(vietnamese, (raw) => {
        const t = normalise(raw).text;
        expect(matchKey(t.toUpperCase())).toBe(matchKey(t));
      }),
      RUNS,
    );
  });

  it('paragraphs, sentences, clauses and list items are ordered, trimmed, valid spans', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const t = normalise(raw).text;
        const ps = paragraphs(t);
        checkSegments(t, ps);
        for (const p of ps) {
          const ss = sentences(t, p.start, p.end);
          checkSegments(t, ss, p.start, p.end);
          for (const s of ss) checkSegments(t, clauses(t, s), s.start, s.end);
          const l = listItems(t, p);
          checkSegments(t, [...l.preamble, ...(l.leadIn ? [l.leadIn] : []), ...l.items], p.start, p.end);
        }
      }),
      RUNS,
    );
  });

  it('sentences cover every visible character of a line', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const t = normalise(raw).text;
        const covered = sentences(t)
          .map((s) => t.slice(s.start, s.end))
          .join('');
        expect(covered.replace(/\s/gu, '')).toBe(t.replace(/\s/gu, ''));
      }),
      RUNS,
    );
  });

  it('tokens: valid spans, text = slice, key = matchKey(text), and every visible character in one token', () => {
    fc.assert(
      fc.property(anyText, (raw) => {
        const t = normalise(raw).text;
        const ts = tokens(t);
        let last = 0;
        for (const k of ts) {
          expect(k.start).toBeGreaterThanOrEqual(last);
          expect(k.end).toBeGreaterThan(k.start);
          expect(t.slice(k.start, k.end)).toBe(k.text);
          expect(k.key).toBe(matchKey(k.text));
          expect(/\s/u.test(k.text)).toBe(false);
          last = k.end;
        }
        expect(ts.map((k) => k.text).join('')).toBe(t.replace(/\s/gu, ''));
      }),
      RUNS,
    );
  });

  it('tokens of a range stay inside the range', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (raw, a, b) => {
        const t = normalise(raw).text;
        const from = t.length === 0 ? 0 : a % (t.length + 1);
        const to = from + (t.length === 0 ? 0 : b % (t.length - from + 1));
        for (const k of tokens(t, from, to)) {
          expect(k.start).toBeGreaterThanOrEqual(from);
          expect(k.end).toBeLessThanOrEqual(to);
          expect(t.slice(k.start, k.end)).toBe(k.text);
          expect(k.key).toBe(matchKey(k.text));
        }
      }),
      RUNS,
    );
  });

  it('nothing throws on arbitrary input, even un-normalised', () => {
    fc.assert(
      fc.property(anyText, fc.integer({ min: -5, max: 500 }), fc.integer({ min: -5, max: 500 }), (t, a, b) => {
        normalise(t);
        matchKey(t, { foldDiacritics: true });
        paragraphs(t, a, b);
        sentences(t, a, b);
        clauses(t, { start: a, end: b });
        listItems(t, { start: a, end: b });
        tokens(t, a, b);
      }),
      RUNS,
    );
  });
});
