import { readFile } from 'node:fs/promises';
import { type ValidationIssue, validateExtractionResult, validateSiteRegistry } from '@vnevents/schema';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

type Kind = 'result' | 'sites';

/** Validates one file; returns its issues (a JSON syntax error is an issue too). */
export async function validateFile(file: string, kind: Kind): Promise<ValidationIssue[]> {
  let raw: string;
  try {
    raw = await readFile(file, 'utf8');
  } catch (err) {
    return [{ path: '(file)', rule: 'readable', message: (err as Error).message }];
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    return [{ path: '(root)', rule: 'json-syntax', message: (err as Error).message }];
  }
  const r = kind === 'sites' ? validateSiteRegistry(data) : validateExtractionResult(data);
  return r.ok ? [] : r.issues;
}

export function registerValidate(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check ExtractionResult JSON files (or a sites registry) against the schema')
    .argument('<files...>', 'JSON files to check')
    .option('--kind <kind>', 'what the files hold: result | sites', 'result')
    .action(async (files: string[], opts: { kind: string }) => {
      if (opts.kind !== 'result' && opts.kind !== 'sites') {
        io.err(`--kind must be result or sites, not "${opts.kind}"`);
        setExit(2);
        return;
      }
      let bad = 0;
      for (const file of files) {
        const issues = await validateFile(file, opts.kind);
        if (!issues.length) {
          io.out(`ok    ${file}`);
          continue;
        }
        bad++;
        io.err(`FAIL  ${file}`);
        for (const i of issues) io.err(`  ${file}: ${i.path}: ${i.message} [rule: ${i.rule}]`);
      }
      io.out(`${files.length - bad} valid, ${bad} invalid`);
      if (bad) setExit(1);
    });
}
