import type { Job } from 'bullmq';
import type { PipelinePorts } from '../deps/index.js';
import { type ExtractJobData, JOB_NAMES, type StoreJobData, storeJobId, unpackText } from '../queues/index.js';
import type { PipelineRuntime } from '../runtime/index.js';

export interface ExtractStageResult {
  article: boolean;
  events: number;
  next: string;
}

/** A page → its article (or why it is not one) and the events in it; CPU only, handed to `store`. */
export async function extractStage(
  job: Job<ExtractJobData>,
  _signal: AbortSignal,
  rt: PipelineRuntime,
  ports: PipelinePorts,
): Promise<ExtractStageResult> {
  const { page } = job.data;
  const site = (page.siteId ? ports.sites.get(page.siteId) : undefined) ?? null;
  const parsed = ports.crawler.parse(unpackText(page.htmlGz), page.finalUrl, site);
  const data: StoreJobData = {
    crawlId: job.data.crawlId,
    fetchJobId: job.data.fetchJobId,
    page,
    article: null,
    notArticle: null,
    extraction: null,
  };
  if ('notArticle' in parsed) data.notArticle = parsed;
  else {
    data.article = parsed;
    data.extraction = ports.extractor.extract(parsed, site);
  }
  const next = storeJobId(page.canonicalUrl, page.contentHash, ports.extractor.version);
  await rt.queues.store.add(JOB_NAMES.store, data, { jobId: next });
  return { article: data.article !== null, events: data.extraction?.events.length ?? 0, next };
}
