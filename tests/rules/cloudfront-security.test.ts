/**
 * GEN-G4 on gen's own CloudFront output: every golden edge-global template (the reference platform's
 * and the edge section's cases) passes it, and a site without edge.firewall is warned about its
 * missing web ACL only, so the edge section and the rule agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { cloudfrontSecurity } from '../../generator/rules/template/cloudfront-security.js';
import { REPO } from '../fixtures/run-fixture.js';

const GOLDEN = join(REPO, 'tests/golden');
const goldenEdgeGlobals = readdirSync(GOLDEN, { recursive: true, encoding: 'utf8' })
  .filter((path) => path.endsWith('edge-global.template.json'))
  .map((path) => join(GOLDEN, path))
  .sort();

it('finds the golden edge-global templates with a distribution', () => {
  const withDistribution = goldenEdgeGlobals.filter((p) =>
    readFileSync(p, 'utf8').includes('AWS::CloudFront::Distribution'),
  );
  expect(withDistribution.map((p) => relative(GOLDEN, p))).toEqual([
    'production/edge-global.template.json',
    'sections/edge/firewall/expected/production/edge-global.template.json',
    'sections/edge/firewall/expected/test/edge-global.template.json',
    'sections/edge/site-and-api/expected/production/edge-global.template.json',
    'sections/edge/site-and-api/expected/test/edge-global.template.json',
    'test/edge-global.template.json',
  ]);
});

it.each(goldenEdgeGlobals.map((p) => [relative(GOLDEN, p), p]))('%s passes GEN-G4', (name, path) => {
  const findings = cloudfrontSecurity
    .check(JSON.parse(readFileSync(path, 'utf8')), {
      environment: 'test',
      logRetentionDays: 30,
      stackName: 'edge-global',
    })
    .map((v) => [v.resource, v.severity, v.message]);
  // site-and-api has a site and no firewall: a warning, the only finding gen's own output may give.
  expect(findings).toEqual(
    name.includes('site-and-api')
      ? [
          [
            'SiteDistribution',
            'warning',
            'has no WAF web ACL (WebACLId): nothing filters requests before they reach its origins',
          ],
        ]
      : [],
  );
});
