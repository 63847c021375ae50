import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  type PostgresTestContext,
  postgresTestContext,
  type RedisTestContext,
  redisTestContext,
} from '../src/index.js';

describe('real Redis', () => {
  let ctx: RedisTestContext;
  beforeAll(async () => {
    ctx = await redisTestContext('testkit');
  });

  it('writes under its own prefix and removes its keys on cleanup', async () => {
    await ctx.redis.set(`${ctx.prefix}:a`, '1');
    await ctx.redis.set(`${ctx.prefix}:b`, '2');
    expect(await ctx.redis.get(`${ctx.prefix}:a`)).toBe('1');
    const probe = await redisTestContext('probe');
    await ctx.cleanup();
    expect(await probe.redis.exists(`${ctx.prefix}:a`, `${ctx.prefix}:b`)).toBe(0);
    await probe.cleanup();
  });

  it('names two contexts differently', async () => {
    const a = await redisTestContext('x');
    const b = await redisTestContext('x');
    expect(a.prefix).not.toBe(b.prefix);
    expect(a.queueName('fetch')).not.toBe(a.queueName('fetch'));
    await a.cleanup();
    await b.cleanup();
  });

  it('fails with the command that starts Redis when nothing answers', async () => {
    const saved = process.env['REDIS_URL'];
    process.env['REDIS_URL'] = 'redis://127.0.0.1:1';
    try {
      await expect(redisTestContext('down')).rejects.toThrow(/redis-server --daemonize yes/);
    } finally {
      if (saved === undefined) delete process.env['REDIS_URL'];
      else process.env['REDIS_URL'] = saved;
    }
  });
});

describe('real PostgreSQL', () => {
  let ctx: PostgresTestContext;
  afterAll(async () => {
    await ctx?.cleanup();
  });

  it('gives each run its own schema and drops it afterwards', async () => {
    ctx = await postgresTestContext('testkit');
    await ctx.pool.query('CREATE TABLE t (x int)');
    await ctx.pool.query('INSERT INTO t VALUES (1), (2)');
    const r = await ctx.pool.query<{ n: string }>('SELECT count(*) AS n FROM t');
    expect(r.rows[0]?.n).toBe('2');
    const schema = ctx.schema;
    await ctx.cleanup();
    const other = await postgresTestContext('probe');
    const left = await other.pool.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema]);
    expect(left.rowCount).toBe(0);
    ctx = other;
  });

  it('fails with the command that starts PostgreSQL when nothing answers', async () => {
    const saved = process.env['DATABASE_URL'];
    process.env['DATABASE_URL'] = 'postgres://postgres@127.0.0.1:1/test';
    try {
      await expect(postgresTestContext('down')).rejects.toThrow(/pg_ctlcluster/);
    } finally {
      if (saved === undefined) delete process.env['DATABASE_URL'];
      else process.env['DATABASE_URL'] = saved;
    }
  });
});
