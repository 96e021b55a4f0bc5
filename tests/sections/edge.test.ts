import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { readSpec } from '../../generator/pipeline/build.js';
import { BUILTIN } from '../../generator/sections/index.js';
import { normalizeEdge, seconds } from '../../generator/sections/edge/model.js';
import { FIXTURES } from '../fixtures/run-fixture.js';
import { codes, compileYaml, PROJECT, type Compiled } from '../helpers/compile-yaml.js';

const errors = (built: Compiled) => built.diagnostics.filter((d) => d.severity === 'error');
const API = 'functions:\n  orders: { handler: handlers/orders.handler }\nroutes:\n  GET /orders: orders\n';
const BUCKETS = 'buckets:\n  web: {}\n  audit-logs: {}\n  uploads: {}\n';
const EDGE =
  'edge:\n  zone: create\n  site: { bucket: web, cache: { "/assets/*": 1 year, "/data/*": 1 hour }, logs: audit-logs }\n  api: true\n';
const DOMAIN = 'domain: { name: test.example.com, api: api.test.example.com }\n';
const ENVS = {
  test: `region: eu-central-1\n${DOMAIN}`,
  production: 'region: eu-central-1\nprotected: true\ndomain: { name: example.com, api: api.example.com }\n',
};
const build = (spec: string, env = 'test', environments: Record<string, string> = ENVS) =>
  compileYaml(`${PROJECT}${spec}`, env, environments);
const ACCOUNT = { 'Fn::Sub': '${AWS::AccountId}' };

describe('edge section: model', () => {
  it('reads durations as seconds and keeps the cache paths in the order written, default none', () => {
    expect([seconds('none'), seconds('1 year'), seconds('30 days'), seconds('1 hour'), seconds('90 seconds')]).toEqual([
      0, 31536000, 2592000, 3600, 90,
    ]);
    expect(
      normalizeEdge({ zone: 'create', site: { bucket: 'web', cache: { '/b/*': '1 day', '/a/*': '2 hours' } } }),
    ).toEqual({
      zone: 'create',
      site: {
        bucket: 'web',
        rootObject: 'index.html',
        cache: [
          { path: '/b/*', seconds: 86400 },
          { path: '/a/*', seconds: 7200 },
        ],
        defaultSeconds: 0,
      },
      api: false,
    });
  });

  it('declares edge-global (us-east-1) after the api and edge after it, monitoring still last; the zone is stateful', () => {
    const layers = BUILTIN.layers.map((l) => l.name);
    expect(layers.slice(layers.indexOf('api'))).toEqual(['api', 'edge-global', 'edge', 'monitoring']);
    expect(BUILTIN.layers.find((l) => l.name === 'edge-global')?.region).toBe('us-east-1');
    expect(BUILTIN.layers.find((l) => l.name === 'edge')?.region).toBeUndefined();
    expect(BUILTIN.statefulTypes.has('AWS::Route53::HostedZone')).toBe(true);
  });
});

describe('edge section: compile', () => {
  const built = build(`${BUCKETS}${API}${EDGE}`);
  const r = built.resources;

  it('builds without errors, each resource in its layer under its pinned logical ID', () => {
    expect(errors(built)).toEqual([]);
    expect(
      Object.fromEntries(
        Object.entries(built.layerOf).filter(([, layer]) => layer.startsWith('edge') || layer === 'edge-global'),
      ),
    ).toEqual({
      HostedZone: 'edge-global',
      SiteCertificate: 'edge-global',
      SiteOriginAccessControl: 'edge-global',
      SiteCachePolicy3600: 'edge-global',
      SiteCachePolicy31536000: 'edge-global',
      SiteDistribution: 'edge-global',
      SiteARecord: 'edge-global',
      SiteAaaaRecord: 'edge-global',
      SiteLogsDeliverySource: 'edge-global',
      SiteLogsDeliveryDestination: 'edge-global',
      SiteLogsDelivery: 'edge-global',
      ApiCertificate: 'edge',
      ApiDomainName: 'edge',
      ApiBasePathMapping: 'edge',
      ApiARecord: 'edge',
      WebBucketPolicy: 'edge',
    });
  });

  it('creates the hosted zone for domain.name, tagged, deleted with an unprotected environment, its name servers an output', () => {
    expect(r.HostedZone.Properties.Name).toBe('test.example.com');
    expect(r.HostedZone.DeletionPolicy).toBe('Delete');
    expect(r.HostedZone.Properties.HostedZoneTags.map((t: any) => t.Key)).toEqual([
      'CostCenter',
      'Environment',
      'Owner',
      'Project',
    ]);
    const global = built.templates['edge-global'];
    expect(global.Outputs.NameServers.Value).toEqual({
      'Fn::Join': [',', { 'Fn::GetAtt': ['HostedZone', 'NameServers'] }],
    });
    expect(Object.keys(global.Outputs).sort()).toEqual(['HostedZoneId', 'NameServers', 'SiteDistributionId']);
  });

  it('keeps the hosted zone in a protected environment', () => {
    const production = build(`${BUCKETS}${API}${EDGE}`, 'production');
    expect(errors(production)).toEqual([]);
    expect(production.resources.HostedZone.DeletionPolicy).toBe('Retain');
    expect((production.resources.HostedZone as { UpdateReplacePolicy?: string }).UpdateReplacePolicy).toBe('Retain');
    expect(production.resources.SiteCertificate.Properties.DomainName).toBe('example.com');
  });

  it('validates both certificates by DNS in the zone: the site in us-east-1, the API in its region by link parameter', () => {
    expect(r.SiteCertificate.Properties).toMatchObject({
      DomainName: 'test.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'test.example.com', HostedZoneId: { Ref: 'HostedZone' } }],
    });
    expect(r.ApiCertificate.Properties).toMatchObject({
      DomainName: 'api.test.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.test.example.com', HostedZoneId: { Ref: 'HostedZoneId' } }],
    });
    expect(built.templates.edge.Parameters.HostedZoneId).toEqual({
      Description: 'Filled in by gen deploy from stack shop-test-edge-global in us-east-1',
      Type: 'AWS::Route53::HostedZone::Id',
    });
  });

  it('serves the bucket through origin access control: HTTPS only, TLS 1.2_2021, compressed, the certificate at domain.name', () => {
    const config = r.SiteDistribution.Properties.DistributionConfig;
    expect(config.Aliases).toEqual(['test.example.com']);
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Origins).toEqual([
      {
        Id: 'site-bucket',
        DomainName: { 'Fn::Sub': 'test-shop-web-${AWS::AccountId}.s3.eu-central-1.amazonaws.com' },
        OriginAccessControlId: { 'Fn::GetAtt': ['SiteOriginAccessControl', 'Id'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
      },
    ]);
    expect(config.ViewerCertificate).toEqual({
      AcmCertificateArn: { Ref: 'SiteCertificate' },
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    for (const b of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(b.Compress).toBe(true);
    }
    expect(config.Logging).toBeUndefined();
    expect(r.SiteOriginAccessControl.Properties.OriginAccessControlConfig).toEqual({
      Name: 'test-shop-site',
      Description: 'CloudFront reads bucket web of test (signed requests)',
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
  });

  it('passes GEN-G4 except for the web ACL: a site without edge.firewall builds with one warning saying so', () => {
    const g4 = built.diagnostics.filter((d) => d.message.includes('GEN-G4'));
    expect(g4.map((d) => [d.severity, d.message])).toEqual([
      [
        'warning',
        'GEN-G4 cloudfront-security: SiteDistribution in edge-global.template.json: has no WAF web ACL (WebACLId): nothing filters requests before they reach its origins',
      ],
    ]);
    expect(g4[0].fix).toContain('edge.firewall');
    expect(g4[0].location).toEqual({ file: 'spec/app.yaml', path: ['edge', 'site'], at: 'key' });
  });

  it("caches the paths for their durations in the order written and nothing else (AWS's CachingDisabled)", () => {
    const config = r.SiteDistribution.Properties.DistributionConfig;
    expect(config.DefaultCacheBehavior.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad');
    expect(config.CacheBehaviors.map((b: any) => [b.PathPattern, b.CachePolicyId])).toEqual([
      ['/assets/*', { 'Fn::GetAtt': ['SiteCachePolicy31536000', 'Id'] }],
      ['/data/*', { 'Fn::GetAtt': ['SiteCachePolicy3600', 'Id'] }],
    ]);
    expect(r.SiteCachePolicy31536000.Properties.CachePolicyConfig).toMatchObject({
      Name: 'test-shop-cache-31536000',
      MinTTL: 0,
      DefaultTTL: 31536000,
      MaxTTL: 31536000,
      ParametersInCacheKeyAndForwardedToOrigin: { EnableAcceptEncodingGzip: true, EnableAcceptEncodingBrotli: true },
    });
  });

  it('points A and AAAA alias records at the distribution and an A record at the API domain', () => {
    const site = (type: string) => ({
      HostedZoneId: { Ref: 'HostedZone' },
      Name: 'test.example.com',
      Type: type,
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': ['SiteDistribution', 'DomainName'] },
        HostedZoneId: 'Z2FDTNDATAQYW2',
        EvaluateTargetHealth: false,
      },
    });
    expect(r.SiteARecord.Properties).toEqual(site('A'));
    expect(r.SiteAaaaRecord.Properties).toEqual(site('AAAA'));
    expect(r.ApiARecord.Properties).toEqual({
      HostedZoneId: { Ref: 'HostedZoneId' },
      Name: 'api.test.example.com',
      Type: 'A',
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': ['ApiDomainName', 'RegionalDomainName'] },
        HostedZoneId: { 'Fn::GetAtt': ['ApiDomainName', 'RegionalHostedZoneId'] },
        EvaluateTargetHealth: false,
      },
    });
  });

  it("maps the API's regional TLS 1.2 domain to the environment's stage, the API id by link parameter", () => {
    expect(r.ApiDomainName.Properties).toMatchObject({
      DomainName: 'api.test.example.com',
      RegionalCertificateArn: { Ref: 'ApiCertificate' },
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
    });
    expect(r.ApiBasePathMapping.Properties).toEqual({
      DomainName: { Ref: 'ApiDomainName' },
      RestApiId: { Ref: 'ApiId' },
      Stage: 'test',
    });
    expect(built.templates.edge.Parameters.ApiId.Description).toBe('Filled in by gen deploy from stack shop-test-api');
  });

  it("moves the site bucket's policy to the edge layer, admitting only this distribution; other buckets keep theirs", () => {
    expect(built.layerOf.WebBucket).toBe('data');
    const policy = r.WebBucketPolicy.Properties;
    expect(policy.Bucket).toEqual({ 'Fn::Sub': 'test-shop-web-${AWS::AccountId}' });
    expect(policy.PolicyDocument.Statement.map((s: any) => s.Sid)).toEqual([
      'DenyInsecureTransport',
      'SiteDistributionReads',
    ]);
    expect(policy.PolicyDocument.Statement[1]).toMatchObject({
      Principal: { Service: 'cloudfront.amazonaws.com' },
      Action: ['s3:GetObject'],
      Condition: {
        StringEquals: { 'aws:SourceAccount': ACCOUNT },
        ArnLike: {
          'aws:SourceArn': {
            'Fn::Sub': 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistributionId}',
          },
        },
      },
    });
    expect(built.templates.edge.Parameters.SiteDistributionId.Description).toBe(
      'Filled in by gen deploy from stack shop-test-edge-global in us-east-1',
    );
    expect(built.layerOf.UploadsBucketPolicy).toBe('data');
    expect(r.UploadsBucketPolicy.Properties.Bucket).toEqual({ Ref: 'UploadsBucket' });
    const alone = build(BUCKETS);
    expect(alone.resources.UploadsBucketPolicy).toEqual(r.UploadsBucketPolicy);
    expect(alone.resources.WebBucketPolicy.Properties.Bucket).toEqual({ Ref: 'WebBucket' });
  });

  it('delivers access logs by CloudWatch Logs (standard logging v2) to the logs bucket, whose policy admits that source only', () => {
    expect(r.SiteLogsDeliverySource.Properties).toMatchObject({
      Name: 'test-shop-site-access',
      LogType: 'ACCESS_LOGS',
      ResourceArn: {
        'Fn::Sub': 'arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}',
      },
    });
    expect(r.SiteLogsDeliveryDestination.Properties).toMatchObject({
      DestinationResourceArn: { 'Fn::Sub': 'arn:${AWS::Partition}:s3:::test-shop-audit-logs-${AWS::AccountId}' },
    });
    expect(r.SiteLogsDelivery.Properties).toMatchObject({
      DeliverySourceName: { Ref: 'SiteLogsDeliverySource' },
      DeliveryDestinationArn: { 'Fn::GetAtt': ['SiteLogsDeliveryDestination', 'Arn'] },
    });
    expect(built.layerOf.AuditLogsBucketPolicy).toBe('data');
    expect(r.AuditLogsBucketPolicy.Properties.PolicyDocument.Statement[1]).toMatchObject({
      Sid: 'SiteAccessLogs',
      Principal: { Service: 'delivery.logs.amazonaws.com' },
      Action: ['s3:PutObject'],
      Condition: {
        ArnLike: {
          'aws:SourceArn': {
            'Fn::Sub': 'arn:${AWS::Partition}:logs:us-east-1:${AWS::AccountId}:delivery-source:test-shop-site-access',
          },
        },
      },
    });
  });

  it('uses an existing hosted zone per environment: no zone resource, its id written as given', () => {
    const existing = build(
      `${BUCKETS}${API}edge:\n  zone: { test: Z0123456789ABC, production: create }\n  api: true\n`,
    );
    expect(errors(existing)).toEqual([]);
    expect(existing.resources.HostedZone).toBeUndefined();
    expect(existing.resources.ApiCertificate.Properties.DomainValidationOptions[0].HostedZoneId).toBe('Z0123456789ABC');
    expect(existing.resources.ApiARecord.Properties.HostedZoneId).toBe('Z0123456789ABC');
    expect(existing.templates['edge-global']).toBeUndefined();
    expect(existing.templates.edge.Parameters).toEqual({ ApiId: expect.anything() });
  });

  it('makes no stack and changes nothing without an edge section', () => {
    const plain = build(`${BUCKETS}${API}`);
    expect(Object.keys(plain.templates).sort()).toEqual(['api', 'app', 'data', 'monitoring']);
  });

  it('draws the site to its bucket and its logs, and the API domain to the api box', () => {
    const { spec } = readSpecOf(`${BUCKETS}${API}${EDGE}`);
    const graph = architectureMermaid(spec!, {
      name: 'test',
      functions: { memory: 256, timeout: 30 },
      domain: { name: 'test.example.com', api: 'api.test.example.com' },
    } as never);
    expect(graph).toContain('subgraph edge_global["edge-global: shop-test-edge-global in us-east-1"]');
    expect(graph).toContain('edge_site -- "origin access control" --> buckets_web');
    expect(graph).toContain('edge_site -. "access logs" .-> buckets_audit_logs');
    expect(graph).toContain('edge_api --> api');
    expect(graph).toContain('edge_api(["API https://api.test.example.com"])');
  });
});

describe('edge section: mistakes', () => {
  it('refuses an API domain without routes (GEN390) and names a zone for every environment (GEN391, GEN308)', () => {
    const noRoutes = build('edge:\n  zone: { test: create, prod: Z0123 }\n  api: true\n');
    expect(codes(noRoutes).sort()).toEqual(['GEN308', 'GEN390', 'GEN391']);
    const messages = noRoutes.diagnostics.map((d) => d.message);
    expect(messages).toContain("edge.zone names no hosted zone for environment 'production'");
    expect(messages).toContain(
      'edge.api gives the REST API a custom domain, but the spec has no routes, so there is no API',
    );
  });

  it('names the site bucket with did-you-mean, and refuses logs into the bucket the site serves (GEN392)', () => {
    const typo = build(`${BUCKETS}edge:\n  zone: create\n  site: { bucket: webb }\n`);
    expect(codes(typo)).toEqual(['GEN312']);
    expect(typo.diagnostics[0].message).toBe(
      "edge.site serves bucket 'webb', which is not defined. Did you mean 'web'?",
    );
    const self = build(`${BUCKETS}edge:\n  zone: create\n  site: { bucket: web, logs: web }\n`);
    expect(codes(self)).toEqual(['GEN392']);
  });

  it('asks for the domain names it needs (GEN403) and refuses an API outside the created zone (GEN404) or at the site name (GEN405)', () => {
    const spec = `${BUCKETS}${API}edge:\n  zone: create\n  site: { bucket: web }\n  api: true\n`;
    const none = build(spec, 'test', { test: 'region: eu-central-1\n' });
    // Both keys missing: one diagnostic whose fix adds both (two fixes would add domain: twice).
    expect(codes(none)).toEqual(['GEN403']);
    expect(none.diagnostics[0].location).toEqual({ file: 'environments/test.yaml', path: [] });
    expect(none.diagnostics[0].fix).toBe(
      'add domain: { name: test.example.com, api: api.test.example.com } to environments/test.yaml',
    );
    // One missing beside the other: added under domain:, the example built on the name it has.
    const half = build(spec, 'production', { production: 'region: eu-central-1\ndomain: { name: example.com }\n' });
    expect(codes(half)).toEqual(['GEN403']);
    expect(half.diagnostics[0].location).toEqual({
      file: 'environments/production.yaml',
      path: ['domain'],
      at: 'key',
    });
    expect(half.diagnostics[0].fix).toBe('add api: api.example.com under domain: in environments/production.yaml');
    const outside = build(spec, 'test', {
      test: 'region: eu-central-1\ndomain: { name: test.example.com, api: api.example.org }\n',
    });
    expect(codes(outside)).toEqual(['GEN404']);
    expect(outside.diagnostics[0].location).toEqual({ file: 'environments/test.yaml', path: ['domain', 'api'] });
    const same = build(spec, 'test', {
      test: 'region: eu-central-1\ndomain: { name: test.example.com, api: test.example.com }\n',
    });
    expect(codes(same)).toEqual(['GEN405']);
    // An existing zone may hold any name: the API outside domain.name is the user's choice there.
    const existing = build(`${API}edge:\n  zone: { test: Z0123, production: Z0456 }\n  api: true\n`, 'test', {
      test: 'region: eu-central-1\ndomain: { api: api.example.org }\n',
    });
    expect(errors(existing)).toEqual([]);
  });

  it('refuses host names with a scheme, capitals or a trailing dot, at the environment key', () => {
    for (const bad of ['https://example.com', 'Example.com', 'example.com.', 'localhost', '-a.example.com']) {
      const built = build('budget: {}\n', 'test', { test: `region: eu-central-1\ndomain: { name: "${bad}" }\n` });
      expect(codes(built), bad).toEqual(['GEN206']);
    }
  });
});

/** The model of an inline spec, through the real reader. */
function readSpecOf(spec: string) {
  const dir = mkdtempSync(join(tmpdir(), 'gen-edge-'));
  try {
    cpSync(join(FIXTURES, 'base'), dir, { recursive: true });
    writeFileSync(join(dir, 'spec/app.yaml'), `${PROJECT}${spec}`);
    return readSpec({ root: dir, specDir: join(dir, 'spec') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
