import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { type ExtractInput, extract } from '@vnevents/extractor';
import type { ExtractionResult } from '@vnevents/schema';
import type { Command } from 'commander';
import { CliError, type CliIO } from '../io.js';
import { inputFromHtml, inputFromUrl } from './extract-input.js';

/** Every input file under the paths: directories are walked, known extensions kept, order stable. */
export async function collectInputs(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const p of paths) {
    if (/^https?:\/\//.test(p)) {
      out.push(p);
      continue;
    }
    const s = await stat(p).catch(() => {
      throw new CliError(`no such file or folder: ${p}`, 2);
    });
    if (s.isDirectory()) {
      const entries = (await readdir(p, { recursive: true })).map(String).sort();
      for (const e of entries) if (/\.(txt|json|html?)$/i.test(e)) out.push(join(p, e));
    } else out.push(p);
  }
  return out;
}

/** Reads one input (captured text, Article JSON, HTML page or URL) into the extractor's input. */
export async function readInput(
  path: string,
  meta: Partial<ExtractInput> = {},
  opts: { allowPrivateNetwork?: boolean } = {},
): Promise<ExtractInput> {
  if (/^https?:\/\//.test(path)) return { ...(await inputFromUrl(path, opts)), ...meta };
  const raw = await readFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return { ...(await inputFromHtml(raw, `file://${path}`)), path, ...meta };
  if (ext === '.json') {
    const j = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    if (Array.isArray(j['paragraphs'])) {
      const paragraphs = j['paragraphs'] as string[];
      const title = typeof j['title'] === 'string' ? j['title'] : null;
      const lead = typeof j['lead'] === 'string' ? j['lead'] : null;
      return {
        text: [title, lead, ...paragraphs].filter(Boolean).join('\n\n'),
        title,
        publishedAt: (j['publishedAt'] as string | null) ?? null,
        url: (j['url'] as string | null) ?? null,
        site: (j['site'] as string | null) ?? null,
        path,
        ...meta,
      };
    }
    if (typeof j['text'] === 'string') return { text: j['text'], path, ...meta };
    throw new Error(`${path}: a JSON input must be an Article (with paragraphs) or an object with a text field`);
  }
  return { text: raw.toString('utf8'), path, ...meta };
}

function table(results: { file: string; r: ExtractionResult }[]): string[] {
  const rows = [['file', 'type', 'date', 'lead unit', 'lead official', 'province', 'directives']];
  for (const { file, r } of results) {
    if (!r.events.length) rows.push([basename(file), '—', '', '', '', '', '']);
    for (const e of r.events)
      rows.push([
        basename(file),
        e.type,
        e.date ?? '',
        e.leadUnit?.name ?? '',
        e.leadOfficial?.name ?? '',
        e.location.province ?? '',
        e.directives.map((d) => d.ref).join(' '),
      ]);
  }
  const clip = (s: string) => (s.length > 38 ? `${s.slice(0, 37)}…` : s);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => clip(r[i]!).length)));
  return rows.map((r) =>
    r
      .map((c, i) => clip(c).padEnd(widths[i]!))
      .join('  ')
      .trimEnd(),
  );
}

export function registerExtract(program: Command, io: CliIO, setExit: (code: number) => void): void {
  program
    .command('extract')
    .description('extract events from article files (.txt as captured, Article .json, .html) or URLs')
    .argument('<paths...>', 'files, folders (walked) or http(s) URLs')
    .option('--out <dir>', 'write one NAME.json ExtractionResult per input into this folder')
    .option('--format <format>', 'what to print: json | jsonl | table', 'table')
    .option('--site <host>', 'the site the inputs come from (gives the province when the text omits it)')
    .option('--allow-private-network', 'let URLs point at loopback or private addresses (local mirrors, tests)')
    .action(
      async (paths: string[], opts: { out?: string; format: string; site?: string; allowPrivateNetwork?: boolean }) => {
        if (!['json', 'jsonl', 'table'].includes(opts.format))
          throw new CliError(`--format must be json, jsonl or table, not "${opts.format}"`, 2);
        const files = await collectInputs(paths);
        if (opts.out) await mkdir(opts.out, { recursive: true });
        const done: { file: string; r: ExtractionResult }[] = [];
        let failed = 0;
        for (const file of files) {
          try {
            const input = await readInput(file, opts.site ? { site: opts.site } : {}, {
              allowPrivateNetwork: opts.allowPrivateNetwork ?? false,
            });
            const r = extract(input);
            done.push({ file, r });
            if (opts.out) {
              const name = /^https?:/.test(file)
                ? `${r.source.id.slice(0, 16)}.json`
                : `${basename(file, extname(file))}.json`;
              await writeFile(join(opts.out, name), `${JSON.stringify(r, null, 2)}\n`);
            }
            if (opts.format === 'jsonl') io.out(JSON.stringify(r));
          } catch (err) {
            failed++;
            io.err(`${file}: ${(err as Error).message}`);
          }
        }
        if (opts.format === 'json')
          io.out(JSON.stringify(done.length === 1 ? done[0]!.r : done.map((d) => d.r), null, 2));
        if (opts.format === 'table') for (const line of table(done)) io.out(line);
        const events = done.reduce((n, d) => n + d.r.events.length, 0);
        io.err(`${done.length} article(s), ${events} event(s)${failed ? `, ${failed} failed` : ''}`);
        if (failed) setExit(1);
      },
    );
}
