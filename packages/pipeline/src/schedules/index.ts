export * from './site-schedules.js';
