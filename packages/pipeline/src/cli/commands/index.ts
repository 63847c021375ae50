import type { Command } from 'commander';
import type { CliIO } from '../io.js';
import { registerSchema } from './schema.js';
import { registerValidate } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. Add a command here. */
export function registerCommands(program: Command, io: CliIO, setExit: (code: number) => void): void {
  registerValidate(program, io, setExit);
  registerSchema(program, io);
}
