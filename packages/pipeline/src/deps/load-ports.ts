import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import type { PipelinePorts } from './ports.js';

/** Ports with whatever must be closed when the process ends. */
export interface OpenPorts {
  ports: PipelinePorts;
  close(): Promise<void>;
}

/** A module that wires other ports (VNEVENTS_PORTS_MODULE): it exports `createPorts(config, log)`. */
export type PortsFactory = (config: PipelineConfig, log: Logger) => Promise<OpenPorts>;

export class PortsModuleError extends Error {
  constructor(path: string, detail: string) {
    super(`ports module ${path} ${detail}: it must export \`async function createPorts(config, log)\``);
    this.name = 'PortsModuleError';
  }
}

/**
 * The crawler, extractor and store the workers use: the real packages by default, or those of the module named
 * by `portsModule` (VNEVENTS_PORTS_MODULE), for deployments that wire their own store or tests that inject faults.
 */
export async function loadPorts(config: PipelineConfig, log: Logger, portsModule?: string): Promise<OpenPorts> {
  if (portsModule) {
    const mod = (await import(pathToFileURL(portsModule).href)) as { createPorts?: unknown };
    if (typeof mod.createPorts !== 'function') throw new PortsModuleError(portsModule, 'has no createPorts export');
    return (mod.createPorts as PortsFactory)(config, log);
  }
  const { createDefaultPorts } = await import('./default-ports.js');
  return createDefaultPorts(config, log);
}
