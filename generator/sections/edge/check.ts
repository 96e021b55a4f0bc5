/**
 * Cross-references of the edge: the site's buckets exist (did-you-mean), its logs go elsewhere than
 * the bucket it serves, the API's domain has an API to map, and every environment has a zone.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import { checkEnvironmentNames } from '../events/targets.js';
import { unknownReference } from '../references.js';
import { routesOf } from '../routes/model.js';
import type { Registry } from '../section.js';
import { checkFirewall } from './firewall/check.js';
import { edgeOf } from './model.js';

export function checkEdge(spec: Spec, registry: Registry): Diagnostic[] {
  const entry = edgeOf(spec);
  if (!entry) return [];
  const { value: edge, file, path } = entry;
  const at = (...rest: string[]) => ({ file, path: [...path, ...rest] });
  const out: Diagnostic[] = [];
  const buckets = registry.section('buckets');
  if (edge.site && buckets) {
    out.push(...unknownReference(spec, buckets, edge.site.bucket, 'edge.site serves', at('site', 'bucket')));
    if (edge.site.logs !== undefined) {
      out.push(...unknownReference(spec, buckets, edge.site.logs, 'edge.site logs to', at('site', 'logs')));
      if (edge.site.logs === edge.site.bucket)
        out.push(
          error(
            'GEN392',
            `edge.site writes its access logs into bucket '${edge.site.bucket}', the bucket it serves: anyone could read them through the site`,
            at('site', 'logs'),
            'log to another bucket of the spec (audit-logs, say), or remove logs',
          ),
        );
    }
  }
  if (edge.api && routesOf(spec).items.length === 0)
    out.push(
      error(
        'GEN390',
        'edge.api gives the REST API a custom domain, but the spec has no routes, so there is no API',
        at('api'),
        'add routes, or remove api from edge',
      ),
    );
  if (edge.zone !== 'create') {
    out.push(...checkEnvironmentNames(spec, edge.zone, 'edge.zone', at('zone')));
    const missing = spec.environmentNames.filter((env) => !(env in (edge.zone as object)));
    if (missing.length > 0)
      out.push(
        error(
          'GEN391',
          `edge.zone names no hosted zone for environment${missing.length > 1 ? 's' : ''} ${missing.map((m) => `'${m}'`).join(', ')}`,
          at('zone'),
          `give each environment a hosted zone id or create (${missing.map((m) => `${m}: create`).join(', ')})`,
        ),
      );
  }
  if (edge.firewall)
    out.push(
      ...checkFirewall(spec, edge.firewall, at('firewall'), {
        site: edge.site !== undefined,
        api: edge.api && routesOf(spec).items.length > 0,
      }),
    );
  return out;
}
