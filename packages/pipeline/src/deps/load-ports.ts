import { pathToFileURL } from 'node:url';
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

/** A module that wires other ports (VNEVENTS_PORTS_MODULE): it exports `createPorts(config, log, services)`. */
export type PortsFactory = (config: PipelineConfig, log: Logger, services: PortServices) => Promise<OpenPorts>;

export class PortsModuleError extends Error {
  constructor(path: string, detail: string) {
    super(`ports module ${path} ${detail}: it must export \`async function createPorts(config, log, services)\``);
    this.name = 'PortsModuleError';
  }
}

/**
 * The crawler, extractor and store the workers use: the real packages by default, or those of the module named
 * by `portsModule` (VNEVENTS_PORTS_MODULE), for deployments that wire their own store or tests that inject faults.
 */
export async function loadPorts(
  config: PipelineConfig,
  log: Logger,
  services: PortServices,
  portsModule?: string,
): Promise<OpenPorts> {
  if (portsModule) {
    const mod = (await import(pathToFileURL(portsModule).href)) as { createPorts?: unknown };
    if (typeof mod.createPorts !== 'function') throw new PortsModuleError(portsModule, 'has no createPorts export');
    return (mod.createPorts as PortsFactory)(config, log, services);
  }
  const { createDefaultPorts } = await import('./default-ports.js');
  return createDefaultPorts(config, log, services);
}
