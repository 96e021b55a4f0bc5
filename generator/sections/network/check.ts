/**
 * Checks of the network against the functions: a function asking for the network needs one
 * (GEN357), and in a network without internet every AWS service a private function uses must have
 * an endpoint (GEN356, a warning at the function's reference: the build works, the calls time out).
 */
import { error, warning, type Diagnostic } from '../../diagnostics.js';
import type { Spec } from '../../spec.js';
import { functionsOf } from '../functions/model.js';
import { usableKey, type Registry } from '../section.js';
import { endpointType } from './endpoints.js';
import { networkOf } from './model.js';

export function checkNetwork(spec: Spec, registry: Registry): Diagnostic[] {
  const network = networkOf(spec);
  const functions = functionsOf(spec).items;
  if (!network)
    return functions
      .filter((f) => f.value.network === 'private')
      .map((f) =>
        error(
          'GEN357',
          `function '${f.name}' asks for network: private, but no spec file defines a network`,
          { file: f.file, path: [...f.path, 'network'] },
          'add a network section (network: {internet: nat}) and its environment settings, or remove network: private',
        ),
      );
  if (network.value.internet !== 'none') return [];
  const endpoints = new Set(network.value.endpoints);
  return functions
    .filter((f) => f.value.network !== 'none')
    .flatMap((f) => {
      const seen = new Set<string>();
      return registry.usable.flatMap((section) => {
        const service = section.usable.service;
        const first = f.value.uses[section.key]?.[0];
        if (!service || !first || endpoints.has(service) || seen.has(service)) return [];
        seen.add(service);
        const kind = endpointType(service) === 'Gateway' ? 'gateway' : 'interface';
        return [
          warning(
            'GEN356',
            `function '${f.name}' uses ${section.names?.noun ?? section.key} '${first.name}' (${service}), but the network has no internet and no ${service} endpoint: its calls to ${service} cannot leave the network`,
            { file: f.file, path: [...f.path, usableKey(section), first.name], at: 'key' },
            `add ${service} to network.endpoints (${kind === 'gateway' ? 'a gateway' : 'an interface'} endpoint), or set network.internet: nat`,
          ),
        ];
      });
    });
}
