import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract, formatReport, type GoldFile, type PredFile, score } from '@vnevents/extractor';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';

export interface EvalOptions {
  gold: string;
  text: string;
  out?: string;
}

/**
 * Extracts every gold article's text and scores the predictions as ../shared/spec/scoring.md defines.
 * The gold file's `site` is source metadata (where the page was captured), so it is passed to the extractor;
 * the publication date is read from the text, as it would be from a captured page.
 */
export async function runEval(opts: EvalOptions) {
  const names = (await readdir(opts.gold)).filter((f) => f.endsWith('.json')).sort();
  if (!names.length) throw new CliError(`no gold files (*.json) in ${opts.gold}`, 2);
  const out = opts.out ?? (await mkdtemp(join(tmpdir(), 'vnevents-eval-')));
  const golds = new Map<string, GoldFile>();
  const preds = new Map<string, PredFile>();
  for (const f of names) {
    const name = f.replace(/\.json$/, '');
    const gold = JSON.parse(await readFile(join(opts.gold, f), 'utf8')) as GoldFile;
    golds.set(name, gold);
    const text = await readFile(join(opts.text, `${name}.txt`), 'utf8').catch(() => null);
    if (text === null) continue;
    const r = extract({ text, site: gold.site ?? null, path: join(opts.text, `${name}.txt`) });
    preds.set(name, r);
    await writeFile(join(out, f), `${JSON.stringify(r, null, 2)}\n`);
  }
  return { report: score(golds, preds), out };
}

export function registerEval(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('eval')
    .description('extract the gold articles and print per-field precision, recall, F1 and the macro F1')
    .requiredOption('--gold <dir>', 'folder of NAME.json gold files')
    .requiredOption('--text <dir>', 'folder of NAME.txt article texts')
    .option('--out <dir>', 'keep the predictions (NAME.json) in this folder')
    .option('--json', 'print the report as JSON')
    .option('--min-macro-f1 <x>', 'exit non-zero when the macro F1 is below this (0–1)', parseFloat)
    .action(async (opts: EvalOptions & { json?: boolean; minMacroF1?: number }) => {
      const { report, out } = await runEval(opts);
      if (opts.json) io.out(JSON.stringify(report, null, 2));
      else for (const line of formatReport(report)) io.out(line);
      io.err(`predictions in ${out}`);
      if (opts.minMacroF1 !== undefined && report.macroF1 < opts.minMacroF1) {
        io.err(
          `macro F1 ${(100 * report.macroF1).toFixed(1)} is below the floor ${(100 * opts.minMacroF1).toFixed(1)}`,
        );
        setExit(1);
      }
    });
}
