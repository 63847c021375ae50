import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { SiteRegistrySchema } from '@vnevents/schema';
import {
  fixtureSiteRegistry,
  isSameSite,
  loadSiteRegistry,
  parseSiteRegistry,
  SiteRegistryError,
} from '../../src/fetch/index.js';

const REGISTRY = resolve(process.cwd(), 'sites/registry.json');

describe('sites/registry.json', () => {
  it('lists at least 12 real provincial sites that pass validation', async () => {
    const registry = await loadSiteRegistry(REGISTRY);
    expect(registry.sites.length).toBeGreaterThanOrEqual(12);
    for (const site of registry.sites) {
      expect(site.allowPrivateNetwork).toBe(false);
      expect(site.baseUrl.startsWith('https://')).toBe(true);
      expect(site.id.endsWith('.vn')).toBe(true);
      expect(site.startUrls.every((u) => isSameSite(u, site.baseUrl))).toBe(true);
      expect(site.politeness.delayMs).toBeGreaterThanOrEqual(1000);
    }
    expect(registry.sites.map((s) => s.id)).toEqual(
      expect.arrayContaining(['baodienbienphu.info.vn', 'baoquangninh.vn', 'baolongan.vn']),
    );
    expect(new Set(registry.sites.map((s) => s.kind))).toEqual(new Set(['newspaper', 'portal', 'party-committee']));
  });
});

describe('loadSiteRegistry errors', () => {
  async function write(content: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'vnevents-registry-'));
    const file = join(dir, 'registry.json');
    await writeFile(file, content);
    return file;
  }
  const good = {
    id: 'baolongan.vn',
    name: 'Báo Long An',
    baseUrl: 'https://baolongan.vn/',
    kind: 'newspaper',
    province: 'Long An',
    startUrls: ['https://baolongan.vn/'],
  };

  it('names the file, the entry and the field of a schema error', async () => {
    const file = await write(
      JSON.stringify({ sites: [good, { ...good, id: 'baothaibinh.com.vn', include: ['([unclosed'] }] }),
    );
    const e = (await loadSiteRegistry(file).catch((err: unknown) => err)) as SiteRegistryError;
    expect(e).toBeInstanceOf(SiteRegistryError);
    expect(e.file).toBe(file);
    expect(e.message).toContain(file);
    expect(e.problems).toEqual([
      expect.objectContaining({ path: 'sites[1].include[0]', siteId: 'baothaibinh.com.vn' }),
    ]);
    expect(e.message).toContain('sites[1].include[0] (site baothaibinh.com.vn): invalid regular expression');
  });

  it('reports duplicate ids, off-site start URLs, broken JSON and a missing file', async () => {
    const dup = await write(JSON.stringify({ sites: [good, good] }));
    expect(await loadSiteRegistry(dup).catch((e: Error) => e.message)).toContain('duplicate site id baolongan.vn');
    const offsite = await write(JSON.stringify({ sites: [{ ...good, startUrls: ['https://baotayninh.vn/'] }] }));
    expect(await loadSiteRegistry(offsite).catch((e: Error) => e.message)).toContain(
      'sites[0].startUrls[0] (site baolongan.vn): https://baotayninh.vn/ is not on the site of baseUrl',
    );
    expect(() => parseSiteRegistry('{"sites": [', 'inline.json')).toThrow(/inline\.json[\s\S]*not JSON/);
    expect(await loadSiteRegistry('/nonexistent/registry.json').catch((e: Error) => e.message)).toContain(
      '/nonexistent/registry.json',
    );
  });
});

describe('fixture registry', () => {
  it('builds valid entries for the fixture server that allow loopback', () => {
    const registry = fixtureSiteRegistry('http://127.0.0.1:4321');
    expect(SiteRegistrySchema.safeParse(registry).success).toBe(true);
    expect(registry.sites.map((s) => [s.id, s.allowPrivateNetwork])).toEqual([
      ['fixture-news', true],
      ['fixture-golden', true],
    ]);
    expect(registry.sites[0]!.startUrls).toEqual([
      'http://127.0.0.1:4321/',
      'http://127.0.0.1:4321/chuyen-muc/thoi-su/',
    ]);
  });
});
