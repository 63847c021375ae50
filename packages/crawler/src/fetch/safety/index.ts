export { type AddressCategory, classifyAddress, PRIVATE_NETWORK_CATEGORIES } from './address-category.js';
export {
  type AddressAllowList,
  type HostLookup,
  type ResolvedAddress,
  SafeResolver,
  type SafeResolverOptions,
  systemLookup,
} from './safe-resolver.js';
