export { RobotsCache, type RobotsCacheOptions, type RobotsFetch, type RobotsResponse } from './robots-cache.js';
export { allowAllRules, disallowAllRules, parseRobotsRules, type RobotsRules } from './robots-rules.js';
