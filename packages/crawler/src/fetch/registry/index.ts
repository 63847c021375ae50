export { loadSiteRegistry, parseSiteRegistry, type RegistryProblem, SiteRegistryError } from './load-site-registry.js';
