import { Command, CommanderError } from 'commander';
import { registerCommands } from './commands/index.js';
import { CliError, type CliIO, processIO } from './io.js';

export const VERSION = '0.1.0';

export function buildProgram(io: CliIO, setExit: (code: number) => void): Command {
  const program = new Command('vnevents')
    .description('Vietnamese provincial news → structured, verifiable events')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
    .exitOverride();
  registerCommands(program, io, setExit);
  return program;
}

/** Runs the CLI on argv (as process.argv) and returns the exit code. */
export async function main(argv: string[], io: CliIO = processIO): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = Math.max(code, c);
  });
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof CliError) {
      io.err(`vnevents: ${err.message}`);
      return err.exitCode;
    }
    throw err;
  }
  return code;
}

const isEntry = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntry) process.exitCode = await main(process.argv);
