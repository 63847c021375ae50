import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { jsonSchemas } from '@vnevents/schema';
import type { Command } from 'commander';
import type { CliIO } from '../io.js';

export function registerSchema(program: Command, io: CliIO): void {
  program
    .command('schema')
    .description('print or write the JSON Schemas of the records (extraction-result, article, site-entry)')
    .option('--out <dir>', 'write NAME.schema.json files into this folder instead of printing')
    .action(async (opts: { out?: string }) => {
      const schemas = jsonSchemas();
      if (!opts.out) {
        io.out(JSON.stringify(schemas, null, 2));
        return;
      }
      await mkdir(opts.out, { recursive: true });
      for (const [name, schema] of Object.entries(schemas)) {
        const file = join(opts.out, `${name}.schema.json`);
        await writeFile(file, `${JSON.stringify(schema, null, 2)}\n`);
        io.out(`wrote ${file}`);
      }
    });
}
