import type { Logger } from 'pino';
import type { PipelineConfig } from '../config/index.js';
import type { OpenPorts } from './load-ports.js';

/** The real crawler, extractor and store, configured from the pipeline's configuration. */
export async function createDefaultPorts(_config: PipelineConfig, _log: Logger): Promise<OpenPorts> {
  throw new Error('default ports: waiting for the crawler (discovery, parse) and the store to land');
}
