export * from './codec.js';
export * from './job-data.js';
export * from './job-ids.js';
export * from './queues.js';
export * from './stages.js';
