/**
 * GEN-G4, guardrail (breadth.md §3.14 G4). Every CloudFront distribution, gen's edge site and
 * escape-hatch ones alike. Why:
 * - Viewers reach it over HTTPS only: every cache behavior (default and ordered) redirects or
 *   refuses plain HTTP; `allow-all` serves pages and cookies in the clear.
 * - With a certificate of its own (ACM or IAM), its security policy is TLSv1.2_2021 or newer
 *   (TLSv1.2_2021, TLSv1.2_2025, TLSv1.3_2025 of CloudFront's MinimumProtocolVersion values):
 *   older policies admit TLS 1.0/1.1 or weak ciphers. On CloudFront's default certificate
 *   (*.cloudfront.net) CloudFront fixes the policy at TLSv1 whatever the template says, so the
 *   rule cannot ask for a version there: it warns that the distribution needs a certificate of its
 *   own for TLS 1.2 (a warning, so a cloudfront.net distribution stays possible, say for a trial).
 * - A WAF web ACL (WebACLId) is in front of it; a warning, since a site without a firewall is a
 *   choice gen allows (edge.site without edge.firewall), and the warning says how to add one.
 * - S3 origins are read through origin access control (OriginAccessControlId), not the legacy
 *   origin access identity; an empty OriginAccessIdentity (how an OAC origin is written) is none.
 * Values that are not literal (a Ref to a parameter) are not judged.
 */
import { textsOf } from '../arn.js';
import { resourcesOf, type CfnTemplate, type Rule, type Violation } from '../rule.js';

const HTTPS_ONLY = ['redirect-to-https', 'https-only'];
const MODERN_POLICIES = ['TLSv1.2_2021', 'TLSv1.2_2025', 'TLSv1.3_2025'];
/** A bucket's REST endpoint (global or regional); website endpoints (s3-website) are custom origins. */
const S3_DOMAIN = /\.s3(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/;
const BUCKET_DOMAIN_ATTRIBUTES = ['DomainName', 'RegionalDomainName', 'DualStackDomainName'];

/** The literal texts of a value; a value only known at deploy time (`${...}` alone) gives none. */
const literals = (value: unknown) => textsOf(value).filter((t) => !/^\$\{[^}]*\}$/.test(t));
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';

/** An origin is S3's when its domain is a bucket endpoint, written out or read from a bucket of the template. */
function isS3Origin(template: CfnTemplate, domain: unknown): boolean {
  return textsOf(domain).some((text) => {
    const attribute = /^\$\{([A-Za-z0-9]+)\.([A-Za-z]+)\}$/.exec(text);
    if (attribute)
      return (
        template.Resources?.[attribute[1]]?.Type === 'AWS::S3::Bucket' &&
        BUCKET_DOMAIN_ATTRIBUTES.includes(attribute[2])
      );
    return S3_DOMAIN.test(text);
  });
}

function behaviours(config: Record<string, any>): Violation[] {
  const all = [
    ['default cache behavior', config.DefaultCacheBehavior] as const,
    ...[config.CacheBehaviors ?? []].flat().map((b: any) => [`cache behavior ${b?.PathPattern ?? '?'}`, b] as const),
  ];
  return all.flatMap(([where, behaviour]) =>
    literals(behaviour?.ViewerProtocolPolicy)
      .filter((policy) => !HTTPS_ONLY.includes(policy))
      .map((policy) => ({
        resource: '',
        message: `${where} has ViewerProtocolPolicy ${policy}: viewers can use plain HTTP`,
        fix: 'set ViewerProtocolPolicy: redirect-to-https (or https-only)',
      })),
  );
}

function certificate(config: Record<string, any>): Violation[] {
  const viewer = config.ViewerCertificate ?? {};
  if (!isSet(viewer.AcmCertificateArn) && !isSet(viewer.IamCertificateId))
    return [
      {
        resource: '',
        severity: 'warning',
        message:
          "uses CloudFront's default certificate, on which CloudFront allows TLSv1 whatever MinimumProtocolVersion says",
        fix: 'give it an ACM certificate (AcmCertificateArn, in us-east-1) with MinimumProtocolVersion: TLSv1.2_2021',
      },
    ];
  if (!isSet(viewer.MinimumProtocolVersion))
    return [{ resource: '', message: 'sets no MinimumProtocolVersion for its certificate: older TLS is allowed' }];
  return literals(viewer.MinimumProtocolVersion)
    .filter((version) => !MODERN_POLICIES.includes(version))
    .map((version) => ({ resource: '', message: `has MinimumProtocolVersion ${version}, older than TLSv1.2_2021` }));
}

const OAC_FIX =
  "read the bucket through an AWS::CloudFront::OriginAccessControl (type s3): OriginAccessControlId: !GetAtt <it>.Id and S3OriginConfig.OriginAccessIdentity: ''";

function origins(template: CfnTemplate, config: Record<string, any>): Violation[] {
  return [config.Origins ?? []]
    .flat()
    .filter((origin: any) => isS3Origin(template, origin?.DomainName))
    .flatMap((origin: any) => [
      ...(isSet(origin.OriginAccessControlId)
        ? []
        : [
            {
              resource: '',
              message: `S3 origin ${origin.Id} has no OriginAccessControlId: its requests are not signed`,
              fix: OAC_FIX,
            },
          ]),
      ...(isSet(origin.S3OriginConfig?.OriginAccessIdentity)
        ? [
            {
              resource: '',
              message: `S3 origin ${origin.Id} uses a legacy origin access identity (S3OriginConfig.OriginAccessIdentity)`,
              fix: OAC_FIX,
            },
          ]
        : []),
    ]);
}

export const cloudfrontSecurity: Rule = {
  id: 'GEN-G4',
  name: 'cloudfront-security',
  scope: 'stack',
  title: 'CloudFront distribution security',
  description:
    "Every cache behavior redirects to or requires HTTPS; a custom certificate has MinimumProtocolVersion TLSv1.2_2021 or newer (a distribution on CloudFront's default certificate, which allows TLSv1 whatever is set, is a warning); S3 origins use origin access control, not a legacy origin access identity; a distribution without a WAF web ACL (WebACLId) is a warning.",
  fix: 'set ViewerProtocolPolicy: redirect-to-https, MinimumProtocolVersion: TLSv1.2_2021, OriginAccessControlId on S3 origins',
  check: (template) =>
    resourcesOf(template, 'AWS::CloudFront::Distribution').flatMap(([id, r]) => {
      const config = r.Properties?.DistributionConfig ?? {};
      const firewall: Violation[] = isSet(config.WebACLId)
        ? []
        : [
            {
              resource: '',
              severity: 'warning',
              message: 'has no WAF web ACL (WebACLId): nothing filters requests before they reach its origins',
              fix: "add edge.firewall to the spec (gen's edge site then gets a web ACL), or set WebACLId to a CLOUDFRONT-scope web ACL's Arn",
            },
          ];
      return [...behaviours(config), ...certificate(config), ...origins(template, config), ...firewall].map((v) => ({
        ...v,
        resource: id,
      }));
    }),
};
