/**
 * A stand-in `edge` section for the firewall's tests: just enough of the edge section (site: a
 * CloudFront distribution in front of nothing real, api: true) to compile `edge.firewall` through
 * the real pipeline, with the firewall's own schema, checks and compile step.
 */
import { fragment } from '../../generator/output/fragment.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { checkFirewall } from '../../generator/sections/edge/firewall/check.js';
import { compileFirewall, siteWebAclArn } from '../../generator/sections/edge/firewall/compile.js';
import { type Firewall, normalizeFirewall } from '../../generator/sections/edge/firewall/model.js';
import { firewallSchema } from '../../generator/sections/edge/firewall/schema.js';
import { createRegistry } from '../../generator/sections/registry.js';
import { type Section, singleOf } from '../../generator/sections/section.js';

interface StandInEdge {
  site: boolean;
  api: boolean;
  firewall?: Firewall;
}

export const DISTRIBUTION = 'SiteDistribution';

const distribution = () => ({
  Type: 'AWS::CloudFront::Distribution',
  Properties: {
    DistributionConfig: {
      Enabled: true,
      WebACLId: siteWebAclArn(),
      Origins: [{ Id: 'site', DomainName: 'example.s3.eu-central-1.amazonaws.com', S3OriginConfig: {} }],
      DefaultCacheBehavior: {
        TargetOriginId: 'site',
        ViewerProtocolPolicy: 'redirect-to-https',
        CachePolicyId: '658327ea-f89d-4fab-a63d-7e88639e58f6',
      },
    },
  },
});

const standInEdge: Section = {
  key: 'edge',
  kind: 'single',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: { site: { type: 'boolean' }, api: { type: 'boolean' }, firewall: firewallSchema },
  },
  normalize: (raw: any): StandInEdge => ({
    site: raw.site ?? false,
    api: raw.api ?? false,
    ...(raw.firewall ? { firewall: normalizeFirewall(raw.firewall) } : {}),
  }),
  check: (spec) => {
    const edge = singleOf<StandInEdge>(spec, 'edge');
    if (!edge?.value.firewall) return [];
    return checkFirewall(spec, edge.value.firewall, { file: edge.file, path: [...edge.path, 'firewall'] }, edge.value);
  },
  compile: (ctx) => {
    const edge = singleOf<StandInEdge>(ctx.spec, 'edge')?.value;
    if (!edge) return fragment([]);
    const site = edge.site
      ? [{ layer: 'edge-global', logicalId: DISTRIBUTION, group: DISTRIBUTION, resource: distribution() }]
      : [];
    const firewall = edge.firewall
      ? compileFirewall(ctx, edge.firewall, { ...(edge.site ? { site: { group: DISTRIBUTION } } : {}), api: edge.api })
      : [];
    return fragment([...site, ...firewall]);
  },
  layers: [
    { name: 'edge-global', after: 'api', purpose: 'CloudFront and its web ACL (us-east-1)' },
    { name: 'edge', after: 'edge-global', purpose: "the API stage's web ACL" },
  ],
};

// In place of the real edge section (one section per key), until the firewall is wired into it.
export const STAND_IN_REGISTRY = createRegistry([...BUILTIN.sections.filter((s) => s.key !== 'edge'), standInEdge]);
