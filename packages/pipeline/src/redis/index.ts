export * from './connection.js';
export * from './redis-server.js';
