import { afterEach, describe, expect, it } from '@jest/globals';
import { Worker } from 'bullmq';
import { startSiteCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { queueName } from '../../src/queues/index.js';
import { listSchedules, SCHEDULE_TZ, syncSchedules } from '../../src/schedules/index.js';
import { collectStatus, formatStatus, listFailed, retryFailed } from '../../src/status/index.js';
import { type Harness, harness } from '../support/harness.js';
import { scriptedPorts, site } from '../support/scripted-ports.js';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

class NonRetryableError extends Error {
  override name = 'NonRetryableError';
  readonly kind = 'http-410';
}

describe('schedules', () => {
  it('sync adds, updates and removes job schedulers to match the registry', async () => {
    h = await harness('sched');
    const a = { ...site('a.test', 1), schedule: '0 */6 * * *' };
    const b = { ...site('b.test', 1), schedule: '30 5 * * *' };
    expect(await syncSchedules(h.rt.queues.discover, [a, b])).toEqual({
      added: ['a.test', 'b.test'],
      updated: [],
      removed: [],
      unchanged: [],
    });
    const rows = await listSchedules(h.rt.queues.discover);
    expect(rows.map((r) => [r.siteId, r.pattern, r.tz])).toEqual(
      expect.arrayContaining([
        ['a.test', '0 */6 * * *', SCHEDULE_TZ],
        ['b.test', '30 5 * * *', SCHEDULE_TZ],
      ]),
    );
    expect(rows.every((r) => (r.next ?? 0) > Date.now())).toBe(true);
    // each scheduler keeps exactly one delayed discover job for its next run
    expect(await h.rt.queues.discover.getDelayedCount()).toBe(2);
    const c = { ...site('c.test', 1), schedule: '0 1 * * *' };
    expect(await syncSchedules(h.rt.queues.discover, [{ ...a, schedule: '0 */3 * * *' }, c])).toEqual({
      added: ['c.test'],
      updated: ['a.test'],
      removed: ['b.test'],
      unchanged: [],
    });
    const after = await listSchedules(h.rt.queues.discover);
    expect(after.map((r) => r.siteId).sort()).toEqual(['a.test', 'c.test']);
    expect(after.find((r) => r.siteId === 'a.test')?.pattern).toBe('0 */3 * * *');
    expect(await h.rt.queues.discover.getDelayedCount()).toBe(2);
  });

  it('a scheduled run discovers the site under a crawl id of its own', async () => {
    h = await harness('schedrun');
    const ports = scriptedPorts([site('a.test', 3)]);
    await h.rt.queues.discover.upsertJobScheduler(
      'site-a.test',
      { every: 60_000 },
      {
        name: 'site',
        data: { crawlId: '', siteId: 'a.test' },
      },
    );
    h.start(ports);
    for (let i = 0; i < 100 && ports.store.writes.length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(ports.store.writes.length).toBe(3);
    const [crawlId] = await h.rt.tracker.recent(1);
    expect(crawlId).toMatch(/^sched-a\.test-/);
    const { progress } = await waitForCrawl(h.rt, crawlId!, { timeoutMs: 10_000 });
    expect(progress).toMatchObject({ trigger: 'schedule', urls: 3, finished: true });
  });
});

describe('status, failed, retry', () => {
  it('reports counts, throughput and errors by kind; lists failed jobs; retries them', async () => {
    h = await harness('ops');
    let broken = true;
    const ports = scriptedPorts([site('a.test', 5)], {
      fail: (url) => (broken && url.endsWith('/2.html') ? new NonRetryableError(`HTTP 410 Gone (${url})`) : undefined),
    });
    h.start(ports);
    const crawlId = await startSiteCrawl(h.rt, ['a.test']);
    await waitForCrawl(h.rt, crawlId, { timeoutMs: 20_000 });

    const report = await collectStatus(h.rt, 5);
    const fetch = report.stages.find((s) => s.stage === 'fetch')!;
    expect(fetch).toMatchObject({ failed: 1, workers: 1 });
    expect(fetch.perMinute).toBeCloseTo(4 / 5);
    expect(report.errors).toContainEqual({ stage: 'fetch', kind: 'http-410', count: 1 });
    expect(report.failedByKind).toEqual({ 'http-410': 1 });
    expect(report.crawls[0]).toMatchObject({ id: crawlId, urls: 5, done: 5, finished: true });
    const text = formatStatus(report).join('\n');
    expect(text).toMatch(/fetch\s+0\s+0\s+0\s+1\s/);
    expect(text).toContain('http-410');

    const failed = await listFailed(h.rt, { stage: 'fetch' });
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      stage: 'fetch',
      kind: 'http-410',
      attempts: 1,
      subject: 'http://a.test/a/2.html',
    });
    expect(failed[0]!.reason).toMatch(/^\[non-retryable http-410\] HTTP 410 Gone/);

    broken = false;
    const { retried } = await retryFailed(h.rt, { ids: [failed[0]!.id] });
    expect(retried).toEqual([{ stage: 'fetch', id: failed[0]!.id }]);
    for (let i = 0; i < 100 && ports.store.writes.length < 5; i++) await new Promise((r) => setTimeout(r, 50));
    expect(ports.store.writes).toContain('http://a.test/a/2.html');
    expect(await h.rt.queues.fetch.getFailedCount()).toBe(0);
    await expect(retryFailed(h.rt, { ids: ['nope'] })).rejects.toThrow('no failed job with id nope');
  });

  it('retry --all moves every failed job of every stage back', async () => {
    h = await harness('retryall');
    const q = h.rt.queues.store;
    await q.add('page', { crawlId: 'x' } as never, { jobId: 's-1', attempts: 1 });
    await q.add('page', { crawlId: 'x' } as never, { jobId: 's-2', attempts: 1 });
    const failing = new Worker(
      queueName('store'),
      async () => {
        throw new Error('boom');
      },
      { connection: h.rt.redis, prefix: h.config.prefix },
    );
    for (let i = 0; i < 100 && (await q.getFailedCount()) < 2; i++) await new Promise((r) => setTimeout(r, 50));
    await failing.close();
    const { retried } = await retryFailed(h.rt, { all: true });
    expect(retried.map((r) => r.id).sort()).toEqual(['s-1', 's-2']);
    expect(await q.getFailedCount()).toBe(0);
    expect(await q.getWaitingCount()).toBe(2);
  });
});
