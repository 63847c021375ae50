import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { Command } from 'commander';
import { csvHeader, csvRow, jsonlRow } from '../../server/export-format.js';
import { CliError, type CliIO } from '../io.js';
import {
  addFilterOptions,
  addStoreOptions,
  type FilterOptions,
  filterFrom,
  type StoreOptions,
  withStore,
} from './query.js';

interface ExportOptions extends StoreOptions, FilterOptions {
  format: string;
  out?: string;
  batch: string;
}

/** Writes with backpressure: waits for 'drain' when the file stream's buffer is full. */
async function write(stream: WriteStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

export function registerExport(program: Command, io: CliIO): void {
  addFilterOptions(
    addStoreOptions(
      program
        .command('export')
        .description('stream every matching event as JSON Lines or CSV, page by page (never all in memory)')
        .requiredOption('--format <format>', 'jsonl | csv')
        .option('--out <file>', 'write to this file instead of stdout')
        .option('--batch <n>', 'events read per database page', '500'),
    ),
  )
    .addHelpText(
      'after',
      '\nThe same columns and records as GET /api/export. CSV starts with a byte order mark (spreadsheets then\n' +
        'read Vietnamese correctly); a cell a spreadsheet would run as a formula gets a leading apostrophe.\n' +
        'Example: vnevents export --format csv --directive 114-KL/TW --from 2024 --out ket-luan-114.csv',
    )
    .action(async (opts: ExportOptions) => {
      if (opts.format !== 'jsonl' && opts.format !== 'csv')
        throw new CliError(`--format must be jsonl or csv, not "${opts.format}"`, 2);
      const batchSize = Number(opts.batch);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000)
        throw new CliError(`--batch must be an integer from 1 to 1000, not "${opts.batch}"`, 2);
      const filter = filterFrom(opts);
      const format = opts.format === 'csv' ? csvRow : jsonlRow;
      await withStore(opts, async (store) => {
        let n = 0;
        if (!opts.out) {
          // Lines go out as they come; stdout is synchronous for files and pipes on Linux, so nothing piles up.
          if (opts.format === 'csv') io.out(csvHeader().replace(/\n$/, ''));
          for await (const e of store.iterateEvents(filter, { batchSize })) {
            io.out(format(e).replace(/\n$/, ''));
            n++;
          }
          return;
        }
        const stream = createWriteStream(opts.out);
        const failed = once(stream, 'error').then(([err]) => {
          throw new CliError(`cannot write ${opts.out}: ${(err as Error).message}`);
        });
        const body = (async () => {
          if (opts.format === 'csv') await write(stream, csvHeader());
          for await (const e of store.iterateEvents(filter, { batchSize })) {
            await write(stream, format(e));
            n++;
          }
          stream.end();
          await once(stream, 'finish');
        })();
        await Promise.race([body, failed]);
        io.err(`wrote ${n} events to ${opts.out}`);
      });
    });
}
