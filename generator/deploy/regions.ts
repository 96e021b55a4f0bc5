/**
 * Stacks in two regions: a layer may deploy to a fixed region (us-east-1 for what CloudFront
 * requires there) while the rest of the environment deploys to its own. Every command that
 * talks to CloudFormation asks here for the clients of a stack's region: the same credentials,
 * profile and endpoint (moto_server serves every region at one endpoint), made once per region.
 */
import type { Manifest } from '../output/manifest.js';

export { regionNote } from '../output/manifest.js';
import { connect, type Clients } from './target.js';

type ManifestStack = Manifest['stacks'][number];

const made = new WeakMap<Clients, Map<string, Promise<Clients>>>();

/** Clients like `clients` in `region`; `clients` itself when it is already there. */
export function clientsIn(clients: Clients, region: string): Promise<Clients> {
  if (region === clients.region) return Promise.resolve(clients);
  let byRegion = made.get(clients);
  if (!byRegion) made.set(clients, (byRegion = new Map()));
  let regional = byRegion.get(region);
  if (!regional) {
    const endpoint = clients.config?.endpoint ?? clients.endpoint;
    const credentials = clients.config?.credentials;
    regional = connect(
      { ...(endpoint ? { endpointUrl: endpoint } : {}), ...(credentials ? { credentials } : {}) },
      region,
    );
    byRegion.set(region, regional);
  }
  return regional;
}

/**
 * The region a stack deploys to, as this run sees it: a stack in the environment's region goes
 * where `clients` go (which `--region` may have moved); a stack of a fixed-region layer goes there.
 * Manifests written before stacks had regions hold none: the environment's.
 */
export const regionOf = (clients: Clients, manifest: Pick<Manifest, 'region'>, stack: Pick<ManifestStack, 'region'>) =>
  !stack.region || stack.region === manifest.region ? clients.region : stack.region;

/** The clients for one stack of the manifest. */
export const clientsFor = (
  clients: Clients,
  manifest: Pick<Manifest, 'region'>,
  stack: Pick<ManifestStack, 'region'>,
): Promise<Clients> => clientsIn(clients, regionOf(clients, manifest, stack));

/** Where a parameter's source stack is: its own region when the manifest says, else the reading stack's. */
export const sourceRegion = (reader: Pick<ManifestStack, 'region'>, source: { region?: string }) =>
  source.region ?? reader.region;
