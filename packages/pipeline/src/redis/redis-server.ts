import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { redisAnswers } from './connection.js';

/** Thrown when no Redis answers and redis-server is not installed: names the install command. */
export class RedisServerMissingError extends Error {
  constructor(url: string) {
    super(
      `No Redis answers at ${url} and redis-server is not installed.\n` +
        'Install it (Debian/Ubuntu): apt-get install -y redis-server   (sudo when not root)\n' +
        'or point REDIS_URL at a running Redis.',
    );
    this.name = 'RedisServerMissingError';
  }
}

export class RedisServerStartError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisServerStartError';
  }
}

export interface RedisServerChild {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s) and waits for it to exit. */
  stop(): Promise<void>;
  /** SIGKILL, no shutdown save: a crash. */
  kill(): Promise<void>;
}

export interface RedisServerOptions {
  /** Port to listen on (default: a free port). */
  port?: number;
  /** Working directory for the AOF / RDB files; with none, nothing is persisted. */
  dir?: string;
  appendonly?: boolean;
  appendfsync?: 'always' | 'everysec' | 'no';
  binary?: string;
}

/** A free TCP port on loopback (the OS picks one; there is a small race until the caller binds it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export function redisServerInstalled(binary = 'redis-server'): boolean {
  const r = spawnSync(binary, ['--version'], { stdio: 'ignore' });
  return !r.error && r.status === 0;
}

/** Starts a private redis-server bound to 127.0.0.1 as a child process and waits until it answers. */
export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServerChild> {
  const binary = opts.binary ?? 'redis-server';
  const port = opts.port ?? (await freePort());
  const url = `redis://127.0.0.1:${port}`;
  if (!redisServerInstalled(binary)) throw new RedisServerMissingError(url);
  const args = ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--daemonize', 'no'];
  args.push('--appendonly', opts.appendonly ? 'yes' : 'no');
  if (opts.appendfsync) args.push('--appendfsync', opts.appendfsync);
  if (opts.dir) args.push('--dir', opts.dir);
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  child.stderr?.on('data', (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 10_000;
  while (!(await redisAnswers(url, 500))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new RedisServerStartError(`redis-server did not start on port ${port}:\n${output.trim()}`);
    }
    await sleep(50);
  }
  const stopWith = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
  };
  return { url, port, process: child, stop: () => stopWith('SIGTERM'), kill: () => stopWith('SIGKILL') };
}
