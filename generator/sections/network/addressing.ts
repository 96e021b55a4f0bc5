/**
 * Subnet ranges of one environment's network, and the checks AWS would otherwise make at deploy
 * time (or not at all: an overlap with the VPC's other subnets fails only when the second subnet
 * is created). Every finding points at the environment file's key.
 *
 * Default ranges: the VPC range cut in sixteen (/16 -> /20s); a zone's private subnet takes the
 * slot of its letter (a -> 0, b -> 1, ... h -> 7), its public subnet the slot eight further on.
 * Keyed by the zone, never by how many zones there are, so adding a zone renumbers nothing.
 */
import { error, warning, type Diagnostic, type Location } from '../../diagnostics.js';
import type { Environment } from '../../environment/model.js';
import { alignedBlock, contains, formatCidr, isAligned, overlaps, parseCidr, subnetOf, type Block } from './cidr.js';
import type { Internet } from './model.js';
import type { Zone } from './zones.js';

export interface ZoneSubnets {
  zone: Zone;
  private: string;
  /** Only with internet: nat. */
  public?: string;
}

/** AWS's limits on VPC and subnet ranges (IPv4). */
const SMALLEST = 28;
const LARGEST = 16;
const DEFAULT_NEW_BITS = 4;
const PUBLIC_OFFSET = 8;

type Kind = 'private' | 'public';
const KEY: Record<Kind, string> = { private: 'privateSubnets', public: 'publicSubnets' };

export function planSubnets(
  env: Environment,
  internet: Internet,
  zones: Zone[],
): { subnets: ZoneSubnets[]; diagnostics: Diagnostic[] } {
  const settings = env.network;
  const at = (...path: (string | number)[]): Location => ({ file: env.file, path: ['network', ...path] });
  const diagnostics: Diagnostic[] = [];
  const fail = (location: Location, message: string, fix: string) =>
    diagnostics.push(error('GEN355', message, location, fix));

  const parsed = rangeProblem(settings.cidr, 'network.cidr', 'VPC');
  if (typeof parsed === 'string') {
    fail(at('cidr'), parsed, rangeFix(settings.cidr));
    return { subnets: [], diagnostics };
  }
  const vpc: Block = parsed;
  const kinds: Kind[] = internet === 'nat' ? ['private', 'public'] : ['private'];
  if (internet === 'none' && settings.publicSubnets)
    diagnostics.push(
      warning(
        'GEN355',
        'network.publicSubnets is not used: the spec says internet: none, so the network has no public subnets',
        at('publicSubnets'),
        'remove publicSubnets, or set internet: nat in the spec',
      ),
    );
  const taken: { block: Block; what: string; location: Location }[] = [];
  const ranges: Record<Kind, (string | undefined)[]> = { private: [], public: [] };
  for (const kind of kinds) {
    const written = settings[KEY[kind] as 'privateSubnets' | 'publicSubnets'];
    if (written && written.length !== zones.length) {
      fail(
        at(KEY[kind]),
        `network.${KEY[kind]} lists ${written.length} range${written.length === 1 ? '' : 's'} for ${zones.length} availability zone${zones.length === 1 ? '' : 's'}`,
        `write one range per zone, in the order of availabilityZones`,
      );
      continue;
    }
    zones.forEach((zone, i) => {
      const location = written ? at(KEY[kind], i) : at('cidr');
      const block = written
        ? writtenRange(written[i], `network.${KEY[kind]}[${i}]`, location)
        : defaultRange(zone, kind);
      if (!block) return;
      const what = `the ${kind} subnet of ${zone.label} (${formatCidr(block)}${written ? '' : ', the default'})`;
      if (!contains(vpc, block)) {
        fail(location, `${what} is outside the VPC range ${settings.cidr}`, `use a range inside ${settings.cidr}`);
        return;
      }
      const clash = taken.find((t) => overlaps(t.block, block));
      if (clash) {
        // At the range written in the file, when only one of the two is.
        fail(
          written ? location : clash.location,
          `${what} overlaps ${clash.what}`,
          `give every subnet its own part of ${settings.cidr}`,
        );
        return;
      }
      taken.push({ block, what, location });
      ranges[kind][i] = formatCidr(block);
    });
  }
  if (diagnostics.some((d) => d.severity === 'error')) return { subnets: [], diagnostics };
  return {
    subnets: zones.map((zone, i) => ({
      zone,
      private: ranges.private[i]!,
      ...(internet === 'nat' ? { public: ranges.public[i]! } : {}),
    })),
    diagnostics,
  };

  function writtenRange(text: string, key: string, location: Location): Block | undefined {
    const block = rangeProblem(text, key, 'subnet');
    if (typeof block !== 'string') return block;
    fail(location, block, rangeFix(text));
    return undefined;
  }

  function defaultRange(zone: Zone, kind: Kind): Block | undefined {
    if (vpc.prefix + DEFAULT_NEW_BITS > SMALLEST) {
      fail(
        at('cidr'),
        `network.cidr ${settings.cidr} is too small for the default subnets (a sixteenth of it each would be smaller than /${SMALLEST}, AWS's smallest subnet)`,
        `use a larger range (/${SMALLEST - DEFAULT_NEW_BITS} or larger), or write privateSubnets${internet === 'nat' ? ' and publicSubnets' : ''}`,
      );
      return undefined;
    }
    if (zone.slot >= PUBLIC_OFFSET) {
      fail(
        at('availabilityZones'),
        `${zone.label} has no default subnet range (defaults exist for zones a to h)`,
        `write privateSubnets${internet === 'nat' ? ' and publicSubnets' : ''} for this environment`,
      );
      return undefined;
    }
    return subnetOf(vpc, DEFAULT_NEW_BITS, zone.slot + (kind === 'public' ? PUBLIC_OFFSET : 0));
  }
}

/** What is wrong with a VPC or subnet range (a message), or its block. */
function rangeProblem(text: string, key: string, what: 'VPC' | 'subnet'): Block | string {
  const block = parseCidr(text);
  if (!block) return `${key} ${text} is not an IPv4 range (four numbers from 0 to 255 and a prefix length)`;
  if (block.prefix < LARGEST || block.prefix > SMALLEST)
    return `${key} ${text} is a /${block.prefix}; AWS allows ${what} ranges from /${LARGEST} to /${SMALLEST}`;
  if (!isAligned(block))
    return `${key} ${text} does not start at the beginning of its range (a /${block.prefix} starts at ${formatCidr(alignedBlock(block))})`;
  return block;
}

function rangeFix(text: string): string {
  const block = parseCidr(text);
  if (block && block.prefix >= LARGEST && block.prefix <= SMALLEST && !isAligned(block))
    return `write ${formatCidr(alignedBlock(block))}`;
  return `use a range such as 10.0.0.0/16 (VPC) or 10.0.0.0/20 (subnet), /${LARGEST} to /${SMALLEST}`;
}
