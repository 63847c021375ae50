/** One request as the fixture server saw it. */
export interface RecordedRequest {
  /** Host header without port, lower-case. */
  host: string;
  method: string;
  /** Path and query. */
  path: string;
  userAgent: string | null;
  headers: Record<string, string | string[] | undefined>;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** performance.now() when the response finished or the socket closed; null while in flight. */
  endedAt: number | null;
  /** Requests to the same host in flight when this one arrived (itself included). */
  inFlightAtStart: number;
}

/**
 * What the server measured, per host: every request with its start and end, in-flight counts and their
 * maximum. Politeness tests assert on these numbers, not on client-side clocks.
 */
export class FixtureServerStats {
  private readonly log: RecordedRequest[] = [];
  private readonly inFlight = new Map<string, number>();
  private readonly maxInFlight = new Map<string, number>();

  /** @internal called by the server for each request; returns the function that marks it finished. */
  begin(entry: Omit<RecordedRequest, 'endedAt' | 'inFlightAtStart'>): () => void {
    const n = (this.inFlight.get(entry.host) ?? 0) + 1;
    this.inFlight.set(entry.host, n);
    this.maxInFlight.set(entry.host, Math.max(n, this.maxInFlight.get(entry.host) ?? 0));
    const record: RecordedRequest = { ...entry, endedAt: null, inFlightAtStart: n };
    this.log.push(record);
    let done = false;
    return () => {
      if (done) return;
      done = true;
      record.endedAt = performance.now();
      this.inFlight.set(entry.host, (this.inFlight.get(entry.host) ?? 1) - 1);
    };
  }

  /** Requests in arrival order, optionally for one host and/or paths matching `path`. */
  requests(filter: { host?: string; path?: string | RegExp } = {}): RecordedRequest[] {
    return this.log.filter(
      (r) =>
        (filter.host === undefined || r.host === filter.host.toLowerCase()) &&
        (filter.path === undefined ||
          (typeof filter.path === 'string' ? r.path === filter.path : filter.path.test(r.path))),
    );
  }

  /** Most requests to `host` in flight at the same time since the last reset. */
  maxConcurrent(host: string): number {
    return this.maxInFlight.get(host.toLowerCase()) ?? 0;
  }

  /** Requests to `host` in flight right now. */
  currentInFlight(host: string): number {
    return this.inFlight.get(host.toLowerCase()) ?? 0;
  }

  /** Milliseconds between consecutive request starts to `host`. */
  startGaps(host: string, path?: string | RegExp): number[] {
    const starts = this.requests({ host, ...(path !== undefined ? { path } : {}) }).map((r) => r.startedAt);
    return starts.slice(1).map((t, i) => t - starts[i]!);
  }

  /** Hosts that have been requested, in first-seen order. */
  hosts(): string[] {
    return [...new Set(this.log.map((r) => r.host))];
  }

  reset(): void {
    this.log.length = 0;
    this.maxInFlight.clear();
    for (const [h, n] of this.inFlight) this.maxInFlight.set(h, n);
  }
}
