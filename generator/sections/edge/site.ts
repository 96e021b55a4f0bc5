/**
 * edge.site -> in edge-global (us-east-1, where CloudFront takes certificates): the certificate,
 * an origin access control, gen's own cache policies, the distribution and its alias records.
 * The bucket stays in the environment's region and is read by its regional name; its policy
 * admits this distribution only (grants.ts), written in the edge layer once the distribution exists.
 */
import { siteWebAclArn } from './firewall/compile.js';
import { ids, names } from '../../naming/ids.js';
import { Fn, sub } from '../../output/cfn.js';
import { inGroup, type PlacedResource } from '../../output/fragment.js';
import { certificate } from './certificates.js';
import { DISTRIBUTION_ID_OUTPUT, EDGE_GLOBAL_LAYER, type EdgeContext } from './context.js';
import type { Site } from './model.js';
import { aliasRecord, CLOUDFRONT_ZONE_ID } from './records.js';
import { siteLogs } from './site-logs.js';

/** AWS's managed CachingDisabled policy (CloudFront developer guide, "Use managed cache policies"). */
export const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const ORIGIN = 'site-bucket';
const LAYER = EDGE_GLOBAL_LAYER.name;

/**
 * A cache policy keeping objects `seconds` (default and maximum; minimum 0 so an object's own
 * Cache-Control: no-cache still wins). AWS's CachingOptimized keeps one day by default, so a
 * year asked for is a policy of gen's own; gzip and Brotli in the key let CloudFront compress.
 */
function cachePolicy(e: EdgeContext, seconds: number): PlacedResource {
  return {
    layer: LAYER,
    logicalId: ids.siteCachePolicy(seconds),
    resource: {
      Type: 'AWS::CloudFront::CachePolicy',
      Properties: {
        CachePolicyConfig: {
          Name: names.site(e.env.name, e.project.name, `cache-${seconds}`),
          Comment: `Objects kept ${seconds} seconds; no cookies, headers or query strings in the key`,
          MinTTL: 0,
          DefaultTTL: seconds,
          MaxTTL: seconds,
          ParametersInCacheKeyAndForwardedToOrigin: {
            EnableAcceptEncodingGzip: true,
            EnableAcceptEncodingBrotli: true,
            CookiesConfig: { CookieBehavior: 'none' },
            HeadersConfig: { HeaderBehavior: 'none' },
            QueryStringsConfig: { QueryStringBehavior: 'none' },
          },
        },
      },
    },
  };
}

const policyId = (seconds: number) =>
  seconds === 0 ? CACHING_DISABLED : Fn.GetAtt(ids.siteCachePolicy(seconds), 'Id');

const behaviour = (seconds: number) => ({
  TargetOriginId: ORIGIN,
  ViewerProtocolPolicy: 'redirect-to-https',
  Compress: true,
  AllowedMethods: ['GET', 'HEAD'],
  CachedMethods: ['GET', 'HEAD'],
  CachePolicyId: policyId(seconds),
});

function distribution(e: EdgeContext, site: Site, bucketName: string): object {
  const name = e.env.domain.name!;
  return {
    Type: 'AWS::CloudFront::Distribution',
    Properties: {
      DistributionConfig: {
        Comment: `${e.env.name} ${e.project.name}: site ${name} from bucket ${site.bucket}`,
        Enabled: true,
        Aliases: [name],
        DefaultRootObject: site.rootObject,
        HttpVersion: 'http2and3',
        IPV6Enabled: true,
        Origins: [
          {
            Id: ORIGIN,
            // The bucket's regional name: this stack is in us-east-1, the bucket in the environment's region.
            DomainName: sub(`${bucketName}.s3.${e.env.region}.amazonaws.com`),
            OriginAccessControlId: Fn.GetAtt(ids.siteOriginAccessControl(), 'Id'),
            // Empty: the legacy origin access identity is not used (origin access control signs instead).
            S3OriginConfig: { OriginAccessIdentity: '' },
          },
        ],
        DefaultCacheBehavior: behaviour(site.defaultSeconds),
        ...(site.cache.length > 0
          ? { CacheBehaviors: site.cache.map((rule) => ({ PathPattern: rule.path, ...behaviour(rule.seconds) })) }
          : {}),
        ...(e.edge.firewall ? { WebACLId: siteWebAclArn() } : {}),
        ViewerCertificate: {
          AcmCertificateArn: Fn.Ref(ids.siteCertificate()),
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: 'TLSv1.2_2021',
        },
      },
    },
  };
}

export function siteResources(e: EdgeContext): PlacedResource[] {
  const site = e.edge.site;
  if (!site) return [];
  const name = e.env.domain.name!;
  const at = (logicalId: string) => ({ layer: LAYER, logicalId });
  const durations = [...new Set([site.defaultSeconds, ...site.cache.map((r) => r.seconds)])]
    .filter((s) => s > 0)
    .sort((a, b) => a - b);
  const target = { dnsName: Fn.GetAtt(ids.siteDistribution(), 'DomainName'), zoneId: CLOUDFRONT_ZONE_ID };
  return inGroup(ids.siteDistribution(), [
    certificate(e, LAYER, ids.siteCertificate(), name),
    {
      ...at(ids.siteOriginAccessControl()),
      resource: {
        Type: 'AWS::CloudFront::OriginAccessControl',
        Properties: {
          OriginAccessControlConfig: {
            Name: names.site(e.env.name, e.project.name),
            Description: `CloudFront reads bucket ${site.bucket} of ${e.env.name} (signed requests)`,
            OriginAccessControlOriginType: 's3',
            SigningBehavior: 'always',
            SigningProtocol: 'sigv4',
          },
        },
      },
    },
    ...durations.map((s) => cachePolicy(e, s)),
    {
      ...at(ids.siteDistribution()),
      sharedAs: DISTRIBUTION_ID_OUTPUT,
      resource: distribution(e, site, names.bucket(e.env.name, e.project.name, site.bucket)),
    },
    aliasRecord(e, at(ids.siteRecord('A')), name, 'A', target),
    aliasRecord(e, at(ids.siteRecord('AAAA')), name, 'AAAA', target),
    ...siteLogs(e, site, LAYER),
  ]);
}
