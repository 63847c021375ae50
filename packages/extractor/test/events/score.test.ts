import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { formatReport, type GoldFile, type PredFile, score } from '../../src/eval/score.js';

const repo = join(import.meta.dirname, '..', '..', '..', '..');
const goldDir = join(repo, 'fixtures', 'articles', 'gold');
const reference = join(repo, '..', 'shared', 'tools', 'score.mjs');

function loadDir(dir: string): Map<string, GoldFile> {
  const m = new Map<string, GoldFile>();
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.json')))
    m.set(f.replace(/\.json$/, ''), JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldFile);
  return m;
}

/** Perturbs gold events into plausible predictions: drops, swaps and truncates values. */
function perturb(g: GoldFile, i: number): PredFile {
  const events = structuredClone(g.events ?? []) as Record<string, unknown>[];
  const e = events[0];
  if (e) {
    if (i % 2) e['type'] = 'other';
    if (i % 3 === 0) e['date'] = null;
    e['leadUnit'] = i % 4 ? { name: `Đoàn của ${String(e['leadUnit'])}` } : null;
    e['results'] = ((e['results'] as string[]) ?? []).map((t, k) => ({
      text: k % 2 ? t.split(' ').slice(0, 4).join(' ') : t,
    }));
    e['officials'] = ((e['officials'] as unknown[]) ?? []).slice(i % 2);
    e['directives'] = ((e['directives'] as { ref: string }[]) ?? []).map((d) => ({
      ...d,
      ref: d.ref.replace('TW', 'TƯ'),
    }));
  }
  if (i % 5 === 0) events.push({ type: 'other' });
  return { events };
}

describe('score() agrees with the reference scorer', () => {
  const golds = loadDir(goldDir);
  const preds = new Map<string, PredFile>();
  let i = 0;
  for (const [name, g] of golds) if (i++ % 7) preds.set(name, perturb(g, i));

  it('prints the same table as shared/tools/score.mjs on the same files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vnevents-score-'));
    mkdirSync(join(dir, 'pred'));
    for (const [name, p] of preds) writeFileSync(join(dir, 'pred', `${name}.json`), JSON.stringify(p));
    const ref = execFileSync(process.execPath, [reference, goldDir, join(dir, 'pred')], { encoding: 'utf8' }).trim();
    const ours = formatReport(score(golds, preds)).join('\n');
    expect(ours).toBe(ref);
    const refJson = JSON.parse(
      execFileSync(process.execPath, [reference, goldDir, join(dir, 'pred'), '--json'], { encoding: 'utf8' }),
    );
    expect(score(golds, preds).macroF1).toBeCloseTo(refJson.macroF1, 12);
  });

  it('gives gold against itself a perfect macro F1', () => {
    expect(score(golds, golds as Map<string, PredFile>).macroF1).toBe(1);
  });
});
