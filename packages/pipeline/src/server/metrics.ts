import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { QueueCountsSource } from './queue-counts.js';

export interface ServerMetrics {
  registry: Registry;
}

/**
 * Prometheus metrics of one server: process defaults, requests by route and status, latency by route and, when a
 * queue source is given, the pipeline's queue counts read at scrape time. A registry per server, so two servers in
 * one process (tests) never share counters.
 */
export function registerMetrics(
  app: FastifyInstance,
  queues: QueueCountsSource | null,
  log: FastifyBaseLogger,
): ServerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'vnevents_' });
  const requests = new Counter({
    name: 'vnevents_http_requests_total',
    help: 'HTTP requests answered, by method, route and status code',
    labelNames: ['method', 'route', 'status_code'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'vnevents_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    requests.inc({ method: req.method, route, status_code: String(reply.statusCode) });
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
  });

  if (queues) {
    // Registered after the jobs gauge, whose collect() sets it: a scrape lists both from the same read.
    const up = new Gauge({
      name: 'vnevents_queue_up',
      help: '1 when this scrape read the queue counts from Redis, 0 when Redis did not answer',
      registers: [],
    });
    new Gauge({
      name: 'vnevents_queue_jobs',
      help: "Jobs in each pipeline stage's BullMQ queue, by state",
      labelNames: ['queue', 'state'] as const,
      registers: [registry],
      async collect() {
        this.reset();
        try {
          const counts = await queues.counts();
          for (const [queue, states] of Object.entries(counts))
            for (const [state, n] of Object.entries(states)) this.set({ queue, state }, n);
          up.set(1);
        } catch (err) {
          up.set(0);
          log.warn({ err }, 'queue counts unavailable for this scrape');
        }
      },
    });
    registry.registerMetric(up);
  }
  return { registry };
}
