import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerCrawl } from './crawl.js';
import { registerDemo } from './demo.js';
import { registerEval } from './eval.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerFailed } from './failed.js';
import { registerQuery } from './query.js';
import { registerReextract } from './reextract.js';
import { registerRetry } from './retry.js';
import { registerRun } from './run.js';
import { registerRuns } from './runs.js';
import { registerSchedule } from './schedule.js';
import { registerSchema } from './schema.js';
import { registerServe } from './serve.js';
import { registerStatus } from './status.js';
import { registerValidate } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. Add a command here. */
export function registerCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  registerExtract(program, io, setExit);
  registerEval(program, io, setExit);
  registerValidate(program, io, setExit);
  registerSchema(program, io);
  registerDemo(program, io, setExit);
  registerRun(program, io);
  registerCrawl(program, io, setExit);
  registerStatus(program, io);
  registerFailed(program, io);
  registerRetry(program, io);
  registerSchedule(program, io);
  registerServe(program, io);
  registerQuery(program, io);
  registerExport(program, io);
  registerReextract(program, io, setExit);
  registerRuns(program, io);
}
