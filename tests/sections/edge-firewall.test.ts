import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { skippedLocally } from '../../generator/deploy/moto-types.js';
import { firewallGraph } from '../../generator/sections/edge/firewall/graph.js';
import { normalizeFirewall } from '../../generator/sections/edge/firewall/model.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';
import { CLEAN, cfnLint } from '../helpers/cfn-lint.js';

const API =
  'routes:\n  GET /orders: orders\nfunctions:\n  orders: { handler: handlers/orders.handler }\nbuckets:\n  web: {}\n';
const SITE = '  site: { bucket: web }\n';
const DISTRIBUTION = 'SiteDistribution';
const ENVS = {
  test: 'region: eu-central-1\nlogRetentionDays: 30\ndomain: { name: test.example.com, api: api.test.example.com }\n',
  production:
    'region: eu-central-1\nprotected: true\nlogRetentionDays: 90\ndomain: { name: example.com, api: api.example.com }\n',
};
const PLATFORM = `  firewall:
    managedRules: [common, known-bad-inputs, ip-reputation]
    sqlInjection: { production: true }
    xss: { production: true }
    rateLimit: 2000
    logs: true
`;
const spec = (edge: string, firewall = PLATFORM) => `${PROJECT}${API}edge:\n  zone: create\n${edge}${firewall}`;
const build = (text: string, env = 'test'): Compiled => compileYaml(text, env, ENVS);
const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const ruleNames = (acl: any) => acl.Properties.Rules.map((r: any) => `${r.Priority} ${r.Name}`);

describe('edge.firewall', () => {
  const test = build(spec(`${SITE}  api: true\n`));
  const production = build(spec(`${SITE}  api: true\n`), 'production');

  it("puts the site's CLOUDFRONT ACL beside the distribution in edge-global, which reads its ARN", () => {
    expect(errors(test)).toEqual([]);
    const site = test.templates['edge-global'].Resources;
    expect(site.SiteWebAcl.Properties).toMatchObject({
      Name: 'test-shop-site',
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
    });
    expect(site[DISTRIBUTION].Properties.DistributionConfig.WebACLId).toEqual({ 'Fn::GetAtt': ['SiteWebAcl', 'Arn'] });
    expect(Object.keys(site).filter((id) => /WebAcl|Firewall/.test(id))).toEqual([
      'SiteFirewallLogsBucket',
      'SiteFirewallLogsBucketPolicy',
      'SiteWebAcl',
      'SiteWebAclLogging',
    ]);
    expect(test.templates.edge.Resources.SiteWebAcl).toBeUndefined();
  });

  it('associates a REGIONAL ACL with the API stage, the API id arriving as a link parameter', () => {
    const edge = test.templates.edge;
    expect(edge.Resources.ApiWebAcl.Properties).toMatchObject({ Name: 'test-shop-api', Scope: 'REGIONAL' });
    expect(edge.Resources.ApiWebAclAssociation.Properties).toEqual({
      WebACLArn: { 'Fn::GetAtt': ['ApiWebAcl', 'Arn'] },
      ResourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}::/restapis/${ApiId}/stages/test' },
    });
    expect(edge.Parameters.ApiId.Type).toBe('String');
    expect(test.layerOf.Api).toBe('api');
  });

  it('blocks SQL injection and XSS in production only; elsewhere the common group counts its XSS matches', () => {
    const order = ['10 ip-reputation', '20 rate-limit', '30 common', '40 known-bad-inputs'];
    expect(ruleNames(production.resources.ApiWebAcl)).toEqual([...order, '50 sql-injection']);
    expect(ruleNames(test.resources.ApiWebAcl)).toEqual(order);
    const common = (built: Compiled) =>
      built.resources.SiteWebAcl.Properties.Rules.find((r: any) => r.Name === 'common').Statement
        .ManagedRuleGroupStatement;
    expect(common(production)).toEqual({ VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' });
    expect(common(test).RuleActionOverrides.map((o: any) => [o.Name, o.ActionToUse])).toEqual([
      ['CrossSiteScripting_COOKIE', { Count: {} }],
      ['CrossSiteScripting_QUERYARGUMENTS', { Count: {} }],
      ['CrossSiteScripting_BODY', { Count: {} }],
      ['CrossSiteScripting_URIPATH', { Count: {} }],
    ]);
    const sqli = production.resources.ApiWebAcl.Properties.Rules.find((r: any) => r.Name === 'sql-injection');
    expect(sqli.Statement.ManagedRuleGroupStatement.Name).toBe('AWSManagedRulesSQLiRuleSet');
    expect(sqli.OverrideAction).toEqual({ None: {} });
  });

  it('limits each IP address to rateLimit requests per 5 minutes, with metrics on every rule and the ACL', () => {
    const acl = test.resources.ApiWebAcl.Properties;
    const rate = acl.Rules.find((r: any) => r.Name === 'rate-limit');
    expect(rate.Action).toEqual({ Block: {} });
    expect(rate.Statement.RateBasedStatement).toEqual({
      Limit: 2000,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    for (const v of [acl.VisibilityConfig, ...acl.Rules.map((r: any) => r.VisibilityConfig)])
      expect(v).toMatchObject({ SampledRequestsEnabled: true, CloudWatchMetricsEnabled: true });
    expect(rate.VisibilityConfig.MetricName).toBe('test-shop-api-rate-limit');
  });

  it("logs to an aws-waf-logs- bucket per ACL, secure as every bucket, kept for the environment's retention", () => {
    for (const [built, days, policy] of [
      [test, 30, 'Delete'],
      [production, 90, 'Retain'],
    ] as const) {
      const bucket = built.resources.ApiFirewallLogsBucket;
      expect(bucket.Properties.BucketName).toEqual({
        'Fn::Sub': `aws-waf-logs-${built === test ? 'test' : 'production'}-shop-api-\${AWS::AccountId}`,
      });
      expect(bucket.DeletionPolicy).toBe(policy);
      const rules = bucket.Properties.LifecycleConfiguration.Rules;
      expect(rules.find((r: any) => r.Id === 'expire-objects').ExpirationInDays).toBe(days);
      expect(rules.find((r: any) => r.Id === 'expire-noncurrent-versions').NoncurrentVersionExpiration).toEqual({
        NoncurrentDays: days,
      });
      expect(bucket.Properties.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    }
    // Every platform rule ran on these stacks (GEN601 would be an error or a warning here).
    expect(test.diagnostics.filter((d) => d.code === 'GEN601')).toEqual([]);
    const statements = test.resources.SiteFirewallLogsBucketPolicy.Properties.PolicyDocument.Statement;
    expect(statements.map((s: any) => s.Sid)).toEqual([
      'DenyInsecureTransport',
      'WafLogDeliveryWrite',
      'WafLogDeliveryAclCheck',
    ]);
    expect(statements[1]).toMatchObject({
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: 's3:PutObject',
      Resource: {
        'Fn::Sub':
          'arn:${AWS::Partition}:s3:::aws-waf-logs-test-shop-site-${AWS::AccountId}/AWSLogs/${AWS::AccountId}/*',
      },
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    });
    const logging = test.resources.SiteWebAclLogging as any;
    expect(logging.DependsOn).toEqual(['SiteFirewallLogsBucketPolicy']);
    expect(logging.Properties.RedactedFields).toEqual([
      { SingleHeader: { Name: 'authorization' } },
      { SingleHeader: { Name: 'cookie' } },
    ]);
  });

  it('without logs: no bucket, no logging configuration, and GEN-G5 warns about each ACL', () => {
    const built = build(spec(`${SITE}  api: true\n`, '  firewall: { logs: false }\n'));
    expect(errors(built)).toEqual([]);
    expect(Object.keys(built.resources).filter((id) => /Firewall|Logging/.test(id))).toEqual([]);
    const g5 = built.diagnostics.filter((d) => d.message.includes('GEN-G5'));
    expect(g5.map((d) => [d.severity, d.message.split(':')[1].trim()])).toEqual([
      ['warning', 'SiteWebAcl in edge-global.template.json'],
      ['warning', 'ApiWebAcl in edge.template.json'],
    ]);
    // Both point at the spec's firewall, where logs: false is written.
    for (const d of g5) expect(d.location?.path.slice(-2)).toEqual(['edge', 'firewall']);
  });

  it("defaults to the platform's three managed groups and logs, with no rate limit, SQL injection or XSS blocking", () => {
    const built = build(spec('  api: true\n', '  firewall: {}\n'));
    expect(ruleNames(built.resources.ApiWebAcl)).toEqual(['10 ip-reputation', '30 common', '40 known-bad-inputs']);
    expect(built.resources.ApiWebAclLogging).toBeDefined();
    expect(built.resources.SiteWebAcl).toBeUndefined();
  });

  it('blocks XSS with its own match rule when the common group is not listed', () => {
    const firewall = '  firewall: { managedRules: [ip-reputation], xss: true }\n';
    const rule = build(spec('  api: true\n', firewall)).resources.ApiWebAcl.Properties.Rules[1];
    expect(rule.Name).toBe('xss');
    expect(rule.Action).toEqual({ Block: {} });
    expect(
      rule.Statement.OrStatement.Statements.map((s: any) => Object.keys(s.XssMatchStatement.FieldToMatch)[0]),
    ).toEqual(['Body', 'QueryString', 'UriPath']);
    const off = build(
      spec('  api: true\n', '  firewall: { managedRules: [ip-reputation], xss: { production: true } }\n'),
    );
    expect(ruleNames(off.resources.ApiWebAcl)).toEqual(['10 ip-reputation']);
  });

  it('is named as not created on --local, where moto makes only the log buckets', () => {
    const skipped = new Map(skippedLocally([test.templates['edge-global'], test.templates.edge]));
    expect([...skipped.keys()].filter((type) => type.startsWith('AWS::WAFv2::'))).toEqual([
      'AWS::WAFv2::LoggingConfiguration',
      'AWS::WAFv2::WebACL',
      'AWS::WAFv2::WebACLAssociation',
    ]);
    expect(skipped.has('AWS::S3::Bucket')).toBe(false);
  });

  it('gives cfn-lint templates without an error or warning, in both environments', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gen-firewall-lint-'));
    try {
      const files = [test, production].flatMap((built, i) =>
        ['edge-global', 'edge'].map((layer) => {
          const file = join(dir, `${i}-${layer}.json`);
          writeFileSync(file, JSON.stringify(built.templates[layer]));
          return file;
        }),
      );
      expect(cfnLint(files)).toEqual(CLEAN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('edge.firewall in gen graph', () => {
  it('draws each web ACL with what it does in the environment, filtering what it protects', () => {
    const firewall = normalizeFirewall({ sqlInjection: { production: true }, rateLimit: 2000 });
    const drawn = (env: string) => firewallGraph(firewall, { name: env } as never, 'api', 'api');
    expect(drawn('production')).toEqual({
      nodes: [
        'edge_firewall_api{{"web ACL (REGIONAL, API stage)<br/>common, known-bad-inputs, ip-reputation, 2000 requests/5 min/IP, SQL injection, logs to S3"}}',
      ],
      edges: ['edge_firewall_api -- filters --> api'],
    });
    expect(drawn('test').nodes[0]).not.toContain('SQL injection');
  });
});

describe('edge.firewall checks', () => {
  it('GEN396: a firewall with neither a site nor an API to protect', () => {
    const built = build(spec('  api: false\n', '  firewall: {}\n'));
    expect(codes(built)).toContain('GEN396');
    expect(errors(built).find((d) => d.code === 'GEN396')?.location?.path).toEqual(['edge', 'firewall']);
  });

  it.each([5, 9, 2_000_000_001])('GEN397: rateLimit %d is outside WAF’s 10 to 2,000,000,000', (limit) => {
    const built = build(spec('  api: true\n', `  firewall: { rateLimit: ${limit} }\n`));
    expect(errors(built).map((d) => [d.code, d.location?.path])).toEqual([
      ['GEN397', ['edge', 'firewall', 'rateLimit']],
    ]);
  });

  it.each([10, 2_000_000_000])('accepts rateLimit %d, at the edge of the range', (limit) => {
    expect(errors(build(spec('  api: true\n', `  firewall: { rateLimit: ${limit} }\n`)))).toEqual([]);
  });

  it('GEN398: a log bucket name longer than S3 allows, for each ACL', () => {
    const long = PROJECT.replace('name: shop', `name: ${'a'.repeat(24)}`);
    const built = compileYaml(`${long}${API}edge:\n  zone: create\n${SITE}  api: true\n  firewall: {}\n`, 'test', ENVS);
    const found = errors(built).filter((d) => d.code === 'GEN398');
    expect(found).toHaveLength(2);
    expect(found[0].message).toContain('aws-waf-logs-production-aaaaaaaaaaaaaaaaaaaaaaaa-site-<account-id>');
    expect(found[0].fix).toMatch(/or set logs: false$/);
    const quiet = compileYaml(
      `${long}${API}edge:\n  zone: create\n  api: true\n  firewall: { logs: false }\n`,
      'test',
      ENVS,
    );
    expect(codes(quiet)).not.toContain('GEN398');
  });

  it('GEN399: no rule at all in some environment', () => {
    const built = build(
      spec('  api: true\n', '  firewall: { managedRules: [], sqlInjection: { production: true } }\n'),
    );
    const found = errors(built).filter((d) => d.code === 'GEN399');
    expect(found.map((d) => d.message)).toEqual([
      'the firewall has no rule in test: its web ACLs would let every request through',
    ]);
  });

  it('GEN203: a switch that is neither a boolean nor one per environment, with a hint naming both forms', () => {
    const built = build(spec('  api: true\n', '  firewall: { sqlInjection: sometimes }\n'));
    expect(errors(built).map((d) => [d.code, d.location?.path, d.fix])).toEqual([
      [
        'GEN203',
        ['edge', 'firewall', 'sqlInjection'],
        'write true or false, or one per environment: { production: true }',
      ],
    ]);
  });

  it('GEN308: a per-environment switch naming an environment without a file', () => {
    const built = build(spec('  api: true\n', '  firewall: { xss: { prod: true } }\n'));
    expect(errors(built).map((d) => [d.code, d.location?.path])).toEqual([
      ['GEN308', ['edge', 'firewall', 'xss', 'prod']],
    ]);
  });
});
