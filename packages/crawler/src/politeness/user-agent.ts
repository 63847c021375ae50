/** Names the crawler and where to complain; sites see it in their logs. Override with the `userAgent` option. */
export const DEFAULT_USER_AGENT = 'vnevents/0.1 (+https://github.com/vnevents/vnevents)';

/** The product token robots.txt groups are matched against: `vnevents/0.1 (+…)` → `vnevents`. */
export function robotsProductToken(userAgent: string): string {
  const token = /^[A-Za-z0-9_-]+/.exec(userAgent.trim())?.[0];
  return token ?? userAgent;
}
