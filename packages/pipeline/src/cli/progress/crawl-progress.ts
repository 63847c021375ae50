import { Presets, SingleBar } from 'cli-progress';
import type { CrawlProgress } from '../../tracking/index.js';
import type { CliIO } from '../io.js';

/** Shows a crawl's progress: a cli-progress bar on a terminal, a line every few seconds otherwise. */
export class CrawlProgressView {
  private bar: SingleBar | null = null;
  private lastLine = 0;

  constructor(
    private readonly io: CliIO,
    private readonly tty = process.stderr.isTTY === true,
  ) {}

  update(p: CrawlProgress): void {
    const payload = {
      stored: p.outcomes.stored + p.outcomes.unchanged,
      failed: p.outcomes.failed,
      events: p.events,
      phase: p.discovering ? `discovering ${p.discovering} site(s)` : 'fetching',
    };
    if (this.tty) {
      if (!this.bar) {
        this.bar = new SingleBar(
          {
            format:
              ' {bar} {value}/{total} URLs | stored {stored} | failed {failed} | events {events} | {phase} | {duration_formatted}',
            stream: process.stderr,
            hideCursor: true,
            clearOnComplete: false,
          },
          Presets.shades_classic,
        );
        this.bar.start(Math.max(p.urls, 1), p.done, payload);
      }
      this.bar.setTotal(Math.max(p.urls, 1));
      this.bar.update(p.done, payload);
      return;
    }
    const now = Date.now();
    if (now - this.lastLine >= 5000 || p.finished) {
      this.lastLine = now;
      this.io.err(
        `${p.done}/${p.urls} URLs, stored ${payload.stored}, failed ${payload.failed}, events ${p.events} (${payload.phase})`,
      );
    }
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }
}

/** The end-of-crawl summary (what `crawl --wait` and `demo` print). */
export function crawlSummary(p: CrawlProgress, seconds: number, lost = 0): string[] {
  const o = p.outcomes;
  const lines = [
    `crawl ${p.id}: ${p.urls} URLs in ${seconds.toFixed(1)} s — stored ${o.stored}, unchanged ${o.unchanged}, ` +
      `not an article ${o['not-article']}, not modified ${o['not-modified']}, fetched recently ${o.recent}, ` +
      `failed ${o.failed}; ${p.events} events`,
  ];
  for (const [site, err] of Object.entries(p.discoverErrors)) lines.push(`  discovery failed for ${site}: ${err}`);
  if (o.failed) lines.push('  failed jobs: `vnevents failed`, then `vnevents retry --all` once the cause is fixed');
  if (lost)
    lines.push(`  ${lost} URL(s) got no outcome (jobs removed by hand or stalled too often): see \`vnevents failed\``);
  return lines;
}
