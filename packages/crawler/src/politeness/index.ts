export {
  DEFAULT_POLITENESS,
  effectivePoliteness,
  type HostLimiter,
  type HostSlotOptions,
  type Politeness,
  type ReleaseHostSlot,
  type ReleaseOutcome,
} from './host-limiter.js';
export { InProcessHostLimiter, type InProcessHostLimiterOptions } from './in-process-host-limiter.js';
export { DEFAULT_USER_AGENT, robotsProductToken } from './user-agent.js';
