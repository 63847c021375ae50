import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import type { HostLimiterPort, PipelinePorts } from './ports.js';

/** Ports with whatever must be closed when the process ends. */
export interface OpenPorts {
  ports: PipelinePorts;
  close(): Promise<void>;
}

/** What the pipeline's runtime lends the ports: the shared per-host limiter and a Redis connection. */
export interface PortServices {
  limiter: HostLimiterPort;
  redis: Redis | null;
}

/**
 * The crawler, extractor and store the workers use, from the configuration. Loaded lazily, so commands that only
 * talk to Redis (status, failed, retry, schedule) do not load the extractor's lexicons.
 */
export async function loadPorts(config: PipelineConfig, log: Logger, services: PortServices): Promise<OpenPorts> {
  const { createDefaultPorts } = await import('./default-ports.js');
  return createDefaultPorts(config, log, services);
}
