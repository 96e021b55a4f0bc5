/**
 * The spec's network (internet through NAT or none, a window of the endpoint services, egress
 * rules) and the environment's network settings (zones counted or named, explicit subnet ranges).
 */
import fc from 'fast-check';
import { ENDPOINT_SERVICES } from '../../../generator/sections/network/endpoints.js';
import { compact, opt } from './common.js';

/** Five consecutive services from a random start: every service is in a fifth of the networks. */
const WINDOW = 5;

export const network = fc
  .record({
    internet: opt(fc.constantFrom('nat', 'none')),
    start: fc.nat(ENDPOINT_SERVICES.length - 1),
    egress: opt(
      fc.array(
        fc
          .record({
            port: fc.integer({ min: 1, max: 65535 }),
            to: fc.constantFrom('10.20.0.0/16', '192.168.1.0/24', '0.0.0.0/0'),
            protocol: opt(fc.constantFrom('tcp', 'udp')),
            description: opt(
              fc.oneof(
                fc.constantFrom('PostgreSQL of the reporting account', 'NTP (udp/123) & DNS', ''),
                fc.stringMatching(/^[A-Za-z0-9 ._\-:/()#,@[\]+=&;{}!$*]{0,255}$/),
              ),
            ),
          })
          .map(compact),
        { minLength: 1, maxLength: 2 },
      ),
    ),
  })
  .map(({ start, ...n }) =>
    compact({
      ...n,
      endpoints: Array.from({ length: WINDOW }, (_, i) => ENDPOINT_SERVICES[(start + i) % ENDPOINT_SERVICES.length]),
    }),
  );

const LETTERS = 'abc';

/** Zones as a count or as names of the region; explicit subnets (one per zone, in the VPC range) or the defaults. */
export const networkSettings = (region: string) =>
  fc
    .record({
      second: fc.constantFrom(0, 1, 2),
      count: fc.integer({ min: 1, max: 3 }),
      named: fc.boolean(),
      explicit: fc.boolean(),
      singleNatGateway: fc.boolean(),
    })
    .map(({ second, count, named, explicit, singleNatGateway }) => {
      const cidr = `10.${second}.0.0/16`;
      const slots = Array.from({ length: count }, (_, i) => i);
      const range = (slot: number) => `10.${second}.${slot * 16}.0/20`;
      return compact({
        cidr,
        availabilityZones: named ? slots.map((i) => `${region}${LETTERS[i]}`) : count,
        singleNatGateway,
        privateSubnets: explicit ? slots.map(range) : undefined,
        publicSubnets: explicit ? slots.map((i) => range(i + 8)) : undefined,
      });
    });
