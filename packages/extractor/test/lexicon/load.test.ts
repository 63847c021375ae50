import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  defaultLexiconDir,
  LEXICON_NAMES,
  LexiconError,
  lexiconVersion,
  loadLexicons,
} from '../../src/lexicon/index.js';

const shipped = defaultLexiconDir();

/** A copy of the shipped lexicons in a temp dir, with one file replaced. */
function withFile(dir: string, name: string, body: unknown): string {
  for (const n of LEXICON_NAMES) writeFileSync(join(dir, `${n}.json`), readFileSync(join(shipped, `${n}.json`)));
  writeFileSync(join(dir, name), typeof body === 'string' ? body : `${JSON.stringify(body, null, 2)}\n`);
  return dir;
}

function titles(...entries: unknown[]) {
  return { lexicon: 'titles', description: 'test', entries };
}

function errorOf(f: () => unknown): LexiconError {
  try {
    f();
  } catch (e) {
    if (e instanceof LexiconError) return e;
    throw e;
  }
  throw new Error('expected a LexiconError');
}

describe('the shipped lexicons', () => {
  it('load and validate, with real entries in every lexicon', () => {
    const lex = loadLexicons();
    expect(lex.titles.length).toBeGreaterThanOrEqual(60);
    expect(lex.units.length).toBeGreaterThanOrEqual(60);
    expect(lex.surnames.length).toBeGreaterThanOrEqual(100);
    expect(lex.titles.map((t) => t.surface)).toEqual(
      expect.arrayContaining(['Bí thư', 'Phó Bí thư Thường trực', 'Ủy viên Ban Thường vụ', 'Vụ trưởng', 'Thủ tướng']),
    );
    expect(lex.units.find((u) => u.surface === 'Ban Tuyên giáo và Dân vận')?.kind).toBe('department');
    expect(lex.units.find((u) => u.surface === 'huyện')?.kind).toBe('scope');
    expect(lex.abbreviations.find((a) => a.surface === 'HĐND')?.expansion).toBe('Hội đồng nhân dân');
    expect(lex.cues.find((c) => c.surface === 'vẫn còn một số hạn chế như')).toMatchObject({
      category: 'limitation',
      leadIn: true,
    });
    const trigger = lex.triggers.find((t) => t.surface === 'đoàn giám sát');
    expect(trigger).toMatchObject({ kind: 'trigger', type: 'supervision' });
    expect(lex.triggers.find((t) => t.surface === 'tai nạn giao thông')).toMatchObject({ kind: 'negative' });
    expect(lex.surnames.find((s) => s.surface === 'Huỳnh')?.variantOf).toBe('hoang');
  });

  it('have a version derived from the files', () => {
    expect(loadLexicons().version).toMatch(/^lex-[0-9a-f]{12}$/);
    expect(lexiconVersion()).toBe(loadLexicons().version);
  });
});

describe('the loader fails loudly', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'vnevents-lexicon-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('on a duplicate surface after folding case and tone placement, naming file, line, both entries', () => {
    withFile(
      dir,
      'titles.json',
      titles(
        { id: 'uy-vien-btv', surface: 'Ủy viên Ban Thường vụ', category: 'party', rank: 'member' },
        { id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' },
        { id: 'uy-vien-btv-old', surface: 'uỷ viên ban thường vụ', category: 'party', rank: 'member' },
      ),
    );
    const e = errorOf(() => loadLexicons(dir));
    expect(e.location).toEqual({ file: join(dir, 'titles.json'), line: 18, index: 2, id: 'uy-vien-btv-old' });
    expect(e.message).toContain(`${join(dir, 'titles.json')}:18 entry #2 (id "uy-vien-btv-old")`);
    expect(e.message).toContain('duplicate surface "uỷ viên ban thường vụ"');
    expect(e.message).toContain('entry #0 (id "uy-vien-btv")');
  });

  it('on a duplicate hidden in an alias, and on a duplicate id', () => {
    withFile(
      dir,
      'titles.json',
      titles(
        { id: 'chu-tich-ubnd', surface: 'Chủ tịch UBND', category: 'government', rank: 'head' },
        {
          id: 'ct',
          surface: 'Chủ tịch',
          aliases: ['Chủ tịch  UBND'.replace('  ', ' ')],
          category: 'generic',
          rank: 'head',
        },
      ),
    );
    expect(errorOf(() => loadLexicons(dir)).message).toMatch(/entry #1 \(id "ct"\).*duplicate surface "Chủ tịch UBND"/);

    withFile(
      dir,
      'titles.json',
      titles(
        { id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' },
        { id: 'bi-thu', surface: 'Phó Bí thư', category: 'party', rank: 'deputy' },
      ),
    );
    expect(errorOf(() => loadLexicons(dir)).message).toContain('duplicate id (entry #0 has it too)');
  });

  it('on an empty surface, a stray character, a missing or unknown field', () => {
    const cases: [unknown, RegExp][] = [
      [
        { id: 'empty', surface: ' ', category: 'party', rank: 'head' },
        /entry #0 \(id "empty"\): surface: empty surface/,
      ],
      [
        { id: 'stray', surface: 'Bí thư;', category: 'party', rank: 'head' },
        /surface: stray character ";" \(U\+003B\) at position 6 of surface "Bí thư;"/,
      ],
      [{ id: 'quote', surface: 'Bí thư “Tỉnh”', category: 'party', rank: 'head' }, /stray character "“"/],
      [{ id: 'no-rank', surface: 'Bí thư', category: 'party' }, /entry #0 \(id "no-rank"\): rank: /],
      [{ id: 'extra', surface: 'Bí thư', category: 'party', rank: 'head', colour: 'red' }, /colour/],
      [{ id: 'Not Kebab', surface: 'Bí thư', category: 'party', rank: 'head' }, /id: id must be lower-case ASCII/],
      [{ id: 'spaces', surface: 'Bí  thư', category: 'party', rank: 'head' }, /double spaces/],
    ];
    for (const [entry, message] of cases) {
      withFile(dir, 'titles.json', titles(entry));
      const e = errorOf(() => loadLexicons(dir));
      expect(e.location.file).toBe(join(dir, 'titles.json'));
      expect(e.location.index).toBe(0);
      expect(e.message).toMatch(message);
    }
  });

  it('on an unknown category, naming the file, the line and the entry', () => {
    withFile(dir, 'units.json', {
      lexicon: 'units',
      description: 'test',
      entries: [
        { id: 'ban-dan-van', surface: 'Ban Dân vận', kind: 'department' },
        { id: 'hoi-dong', surface: 'Hội đồng', kind: 'council' },
      ],
    });
    const e = errorOf(() => loadLexicons(dir));
    expect(e.location).toMatchObject({ file: join(dir, 'units.json'), index: 1, id: 'hoi-dong', line: 11 });
    expect(e.problem).toMatch(/^kind: /);
    expect(e.problem).toContain('"department"');
  });

  it('on an unknown event type and on a trigger without its type', () => {
    const file = (entry: unknown) => ({ lexicon: 'triggers', description: 'test', entries: [entry] });
    withFile(dir, 'triggers.json', file({ id: 'x', surface: 'kiểm tra', kind: 'trigger', type: 'audit', weight: 1 }));
    expect(errorOf(() => loadLexicons(dir)).message).toMatch(/entry #0 \(id "x"\): type: /);
    withFile(dir, 'triggers.json', file({ id: 'y', surface: 'bóng đá', kind: 'negative', weight: 1 }));
    expect(errorOf(() => loadLexicons(dir)).message).toMatch(/entry #0 \(id "y"\): genre: /);
  });

  it('on invalid JSON, a wrong lexicon name, a missing file and a dangling variantOf', () => {
    withFile(dir, 'cues.json', '{\n  "lexicon": "cues",\n  "entries": [,]\n}\n');
    const json = errorOf(() => loadLexicons(dir));
    expect(json.message).toContain(join(dir, 'cues.json'));
    expect(json.problem).toMatch(/invalid JSON/);

    withFile(dir, 'cues.json', titles({ id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' }));
    expect(errorOf(() => loadLexicons(dir)).problem).toBe('holds the lexicon "titles", expected "cues"');

    withFile(dir, 'surnames.json', {
      lexicon: 'surnames',
      description: 'test',
      entries: [{ id: 'vo', surface: 'Võ', origin: 'kinh', variantOf: 'vu' }],
    });
    expect(errorOf(() => loadLexicons(dir)).message).toMatch(/entry #0 \(id "vo"\): variantOf names "vu"/);

    withFile(dir, 'titles.json', titles({ id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' }));
    rmSync(join(dir, 'units.json'));
    expect(errorOf(() => loadLexicons(dir)).problem).toMatch(/^cannot read the file/);
  });

  it('loads a valid directory and versions it by content', () => {
    withFile(dir, 'titles.json', titles({ id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' }));
    const lex = loadLexicons(dir);
    expect(lex.titles).toEqual([{ id: 'bi-thu', surface: 'Bí thư', category: 'party', rank: 'head' }]);
    expect(lex.version).not.toBe(loadLexicons().version);
  });
});
