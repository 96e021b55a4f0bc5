/**
 * The environment's domain names as the edge uses them (GEN403-GEN405), checked per environment
 * at compile: the names the edge needs are set, the API's name lies inside a zone gen creates,
 * and the site and the API do not claim the same name.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { type Edge, zoneIn } from './model.js';

/** Whether `name` is `zone` or a name under it (api.test.example.com under test.example.com). */
export const inside = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

export function checkDomains(edge: Edge, env: Environment): Diagnostic[] {
  const { name, api } = env.domain;
  const created = 'create' in (zoneIn(edge, env.name) ?? {});
  const where = (key: string) => ({ file: env.file, path: ['domain', key] });
  // Examples named after the environment: production's fix must not suggest test's names (GEN-P13).
  const site = name ?? `${env.name}.example.com`;
  const needsName = name === undefined && (created || edge.site);
  const needsApi = api === undefined && edge.api;
  const out: Diagnostic[] = [];
  if (needsName || needsApi) {
    const missing = [
      ...(needsName
        ? [['name', site, created ? 'the hosted zone edge.zone creates is named by it' : "it is the site's address"]]
        : []),
      ...(needsApi ? [['api', `api.${site}`, 'edge.api gives the API this name']] : []),
    ];
    const hasDomain = name !== undefined || api !== undefined;
    const pairs = missing.map(([key, value]) => `${key}: ${value}`);
    // One diagnostic for both keys: two fixes would each add a domain: key to the file.
    out.push(
      error(
        'GEN403',
        missing.length === 1
          ? `the edge needs domain.${missing[0][0]} in ${env.file}: ${missing[0][2]}`
          : `the edge needs ${missing.map(([key, , why]) => `domain.${key} (${why})`).join(' and ')} in ${env.file}`,
        hasDomain ? { file: env.file, path: ['domain'], at: 'key' as const } : { file: env.file, path: [] },
        hasDomain
          ? `add ${pairs.join(' and ')} under domain: in ${env.file}`
          : `add domain: { ${pairs.join(', ')} } to ${env.file}`,
      ),
    );
  }
  if (created && name !== undefined && api !== undefined && edge.api && !inside(api, name))
    out.push(
      error(
        'GEN404',
        `domain.api '${api}' is not inside domain.name '${name}', the zone edge.zone creates: its alias record and certificate validation record cannot be written there`,
        where('api'),
        `name the API under the zone (api.${name}), or give edge.zone an existing hosted zone id for this environment`,
      ),
    );
  if (edge.site && edge.api && name !== undefined && name === api)
    out.push(
      error(
        'GEN405',
        `domain.api is '${api}', the same as domain.name: the site and the API cannot both answer at one name`,
        where('api'),
        `give the API a name of its own (api.${name})`,
      ),
    );
  return out;
}
