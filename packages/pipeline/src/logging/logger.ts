import { type DestinationStream, type Logger, type LoggerOptions, pino } from 'pino';

export type { Logger } from 'pino';

export interface LoggerSetup {
  level?: string;
  name?: string;
  /** Pretty, human output (pino-pretty); default: when stdout is a terminal. */
  pretty?: boolean;
  /** Where JSON lines go (default stdout); tests pass a stream. */
  destination?: DestinationStream;
}

/** The CLI's logger: JSON lines by default, pretty when stdout is a terminal. Library code takes a Logger. */
export function createLogger(setup: LoggerSetup = {}): Logger {
  const opts: LoggerOptions = { level: setup.level ?? 'info', base: { pid: process.pid } };
  if (setup.name) opts.name = setup.name;
  const pretty = setup.pretty ?? (process.stdout.isTTY === true && !setup.destination);
  if (pretty) {
    return pino({
      ...opts,
      transport: {
        target: 'pino-pretty',
        options: { colorize: true, translateTime: 'HH:MM:ss.l', ignore: 'pid,hostname' },
      },
    });
  }
  return setup.destination ? pino(opts, setup.destination) : pino(opts);
}

/** A logger that drops everything (library defaults and tests that do not look at logs). */
export const silentLogger: Logger = pino({ level: 'silent' });
