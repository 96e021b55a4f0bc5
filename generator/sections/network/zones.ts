/**
 * The availability zones of one environment's network, each with the key its logical IDs carry
 * (PrivateSubnetA): the zone's letter when zones are named (eu-central-1c -> C), the letter of
 * its place among the region's zones when they are counted (3 -> A, B, C). A key never depends
 * on a position in the environment file, so removing zone a leaves zones b and c untouched.
 */
import { error, type Diagnostic } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';

export interface Zone {
  /** A, B, C...: the suffix of this zone's logical IDs. */
  key: string;
  /** 0 for zone a: which default subnet range the zone gets (addressing.ts). */
  slot: number;
  /** Its AvailabilityZone value: ${AWS::Region} and the zone's letter, or the n-th of Fn::GetAZs. */
  availabilityZone: string | object;
  /** How messages and the graph name it. */
  label: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function zonesOf(env: Environment): { zones: Zone[]; diagnostics: Diagnostic[] } {
  const written = env.network.availabilityZones;
  if (typeof written === 'number') {
    const zones = Array.from({ length: written }, (_, slot) => ({
      key: LETTERS[slot].toUpperCase(),
      slot,
      availabilityZone: { 'Fn::Select': [slot, { 'Fn::GetAZs': '' }] },
      label: `${env.region} zone ${slot + 1}`,
    }));
    return { zones, diagnostics: [] };
  }
  const diagnostics: Diagnostic[] = [];
  const zones = written.flatMap((name, i) => {
    const letter = name.startsWith(env.region) ? name.slice(env.region.length) : '';
    if (/^[a-z]$/.test(letter)) {
      const slot = LETTERS.indexOf(letter);
      // Written from the region (which the zone was checked to be in): the same zone, no name fixed in the template.
      return [
        { key: letter.toUpperCase(), slot, availabilityZone: { 'Fn::Sub': `\${AWS::Region}${letter}` }, label: name },
      ];
    }
    diagnostics.push(
      error(
        'GEN355',
        `availability zone '${name}' is not a zone of the environment's region ${env.region}`,
        { file: env.file, path: ['network', 'availabilityZones', i] },
        `name zones of ${env.region} (${env.region}a, ${env.region}b, ...), or write a count such as availabilityZones: ${written.length}`,
      ),
    );
    return [];
  });
  return { zones, diagnostics };
}
