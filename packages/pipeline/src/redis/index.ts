export * from './connection.js';
export * from './ensure-redis.js';
export * from './redis-server.js';
