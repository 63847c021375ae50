import { afterEach, describe, expect, it } from '@jest/globals';
import type { Store } from '@vnevents/store';
import { startSiteCrawl, waitForCrawl } from '../../src/crawl/index.js';
import { STAGES } from '../../src/queues/index.js';
import { until } from '../support/processes.js';
import { type ScaleSetup, scaleSetup } from '../support/scale-setup.js';

let s: ScaleSetup | null = null;
let store: Store | null = null;
afterEach(async () => {
  await store?.close();
  store = null;
  await s?.close();
  s = null;
});

describe('a worker killed with SIGKILL mid-crawl', () => {
  it('loses no job: its jobs return after their lock expires and every page is stored once', async () => {
    // SQLite: several processes write one file (WAL); a write cut by the kill is rolled back at the next open.
    s = await scaleSetup({
      label: 'kill9',
      backend: 'sqlite',
      politeness: { delayMs: 40, concurrency: 2 },
      newsMaxPages: 40,
    });
    const victim = s.spawn('victim');
    const survivor = s.spawn('survivor');
    await Promise.all([victim.ready, survivor.ready]);
    const crawlId = await startSiteCrawl(
      s.rt,
      s.fixtures.sites.map((x) => x.id),
    );
    // Kill the victim while it holds jobs (BullMQ records the worker that took a job in processedBy).
    const victimPid = String(victim.child.pid);
    let held: string[] = [];
    await until(
      'the victim to hold active jobs',
      async () => {
        const active = (await Promise.all(STAGES.map((st) => s!.rt.queues[st].getActive()))).flat();
        held = active
          .filter((j) => (j as unknown as { processedBy?: string }).processedBy?.split(':')[1] === victimPid)
          .map((j) => j.id ?? '');
        return held.length > 0;
      },
      60_000,
      20,
    );
    await victim.kill('SIGKILL');
    const atKill = await s.rt.tracker.progress(crawlId);
    expect(atKill?.finished).toBe(false);
    const replacement = s.spawn('replacement');
    await replacement.ready;
    const { progress, lost } = await waitForCrawl(s.rt, crawlId, { timeoutMs: 90_000 });
    expect(lost).toBe(0);
    expect(progress).toMatchObject({ finished: true, discovering: 0 });
    expect(progress.outcomes.failed).toBe(0);
    expect(progress.done).toBe(progress.urls);
    // The stalled-job check saw the victim's jobs and put them back.
    const logs = survivor.output() + replacement.output();
    expect(logs).toContain('job stalled');
    for (const stage of STAGES) expect(await s.rt.queues[stage].getFailedCount()).toBe(0);
    // SIGTERM: a graceful stop (exit 0) after the in-flight jobs.
    for (const w of [survivor, replacement]) {
      expect(await w.kill('SIGTERM')).toEqual({ code: 0, signal: null });
      expect(w.output()).toContain('"msg":"workers stopped"');
    }

    store = await s.openStore();
    const urls: string[] = [];
    for await (const a of store.scanArticles()) urls.push(a.article.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.length).toBe(progress.outcomes.stored);
    const runs = await store.listRuns();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.stored).toEqual({ articles: urls.length, events: progress.events });
  }, 150_000);
});
