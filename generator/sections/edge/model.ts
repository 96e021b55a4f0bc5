/** The edge section's model: the hosted zone, the CloudFront site and the API's custom domain. */
import type { Spec } from '../../spec.js';
import { singleOf } from '../section.js';
import { type Firewall, normalizeFirewall, type RawFirewall } from './firewall/model.js';

/** A hosted zone gen creates, or the id of one that exists (per environment). */
export type ZoneChoice = { create: true } | { id: string };

/** One cache behaviour: a path pattern and how long CloudFront keeps what matches (0: not cached). */
export interface CacheRule {
  path: string;
  seconds: number;
}

export interface Site {
  bucket: string;
  /** The object served for the site's root URL. */
  rootObject: string;
  /** Path patterns in the order written (CloudFront takes the first that matches). */
  cache: CacheRule[];
  /** Seconds for everything no pattern matches (0: not cached). */
  defaultSeconds: number;
  /** A bucket of the spec that receives the access logs. */
  logs?: string;
}

export interface Edge {
  /** 'create' in every environment, or per environment name. */
  zone: 'create' | Record<string, 'create' | string>;
  site?: Site;
  api: boolean;
  /** WAF in front of the site and the API (firewall/). */
  firewall?: Firewall;
}

const UNITS: Record<string, number> = { second: 1, minute: 60, hour: 3600, day: 86400, year: 365 * 86400 };

/** `none` -> 0; `1 year` -> 31536000; `30 days` -> 2592000 (the schema guarantees the shape). */
export function seconds(duration: string): number {
  if (duration === 'none') return 0;
  const [count, unit] = duration.split(' ');
  return Number(count) * UNITS[unit.replace(/s$/, '')];
}

export interface RawEdge {
  zone: Edge['zone'];
  site?: { bucket: string; rootObject?: string; cache?: Record<string, string>; logs?: string };
  api?: boolean;
  firewall?: RawFirewall;
}

export function normalizeEdge(raw: RawEdge): Edge {
  const site = raw.site;
  const cache = Object.entries(site?.cache ?? {});
  return {
    zone: raw.zone,
    ...(site
      ? {
          site: {
            bucket: site.bucket,
            rootObject: site.rootObject ?? 'index.html',
            cache: cache.filter(([path]) => path !== 'default').map(([path, d]) => ({ path, seconds: seconds(d) })),
            defaultSeconds: seconds(site.cache?.default ?? 'none'),
            ...(site.logs !== undefined ? { logs: site.logs } : {}),
          },
        }
      : {}),
    api: raw.api ?? false,
    ...(raw.firewall !== undefined ? { firewall: normalizeFirewall(raw.firewall) } : {}),
  };
}

export const edgeOf = (spec: Spec) => singleOf<Edge>(spec, 'edge');

/** The zone of one environment: created, an existing id, or undefined when the spec names none for it. */
export function zoneIn(edge: Edge, env: string): ZoneChoice | undefined {
  const choice = edge.zone === 'create' ? 'create' : edge.zone[env];
  if (choice === undefined) return undefined;
  return choice === 'create' ? { create: true } : { id: choice };
}
