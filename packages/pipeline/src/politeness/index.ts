export * from './redis-host-limiter.js';
