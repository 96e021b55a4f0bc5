/**
 * One environment in two regions, build side: a layer with a fixed region puts its stacks
 * there, the manifest records every stack's region, and a parameter whose source stack is in
 * the other region records that region (both directions), while stack names stay as they are.
 */
import { describe, expect, it } from 'vitest';
import { architectureMermaid } from '../../generator/graph/architecture.js';
import { checkRegions } from '../../generator/output/regions.js';
import type { Stack } from '../../generator/output/stacks.js';
import { BUILTIN_SECTIONS } from '../../generator/sections/index.js';
import { createRegistry } from '../../generator/sections/registry.js';
import type { Section } from '../../generator/sections/section.js';
import { codes, compileYaml, PROJECT } from '../helpers/compile-yaml.js';
import { beaconsSection, twoRegions } from '../helpers/two-regions.js';

const SPEC = `${PROJECT}beacons: true\n`;
const entry = (result: ReturnType<typeof compileYaml>, stackName: string) =>
  result.manifest!.stacks.find((s) => s.stackName === stackName)!;

describe('a layer with its own region', () => {
  it('is kept by the registry, in deploy order', () => {
    const names = twoRegions.layers.map((l) => l.name);
    expect(names.indexOf('api')).toBeLessThan(names.indexOf('global'));
    expect(names.indexOf('global') + 1).toBe(names.indexOf('beacons-after'));
    expect(twoRegions.layers.find((l) => l.name === 'global')!.region).toBe('us-east-1');
    expect(twoRegions.layers.find((l) => l.name === 'beacons-after')!.region).toBeUndefined();
  });

  it('puts its stacks in that region and the others in the environment region, names unchanged', () => {
    const result = compileYaml(SPEC, 'test', {}, twoRegions);
    expect(codes(result)).toEqual([]);
    expect(result.manifest!.region).toBe('eu-central-1');
    expect(result.manifest!.stacks.map((s) => [s.stackName, s.region])).toEqual([
      ['shop-test-data', 'eu-central-1'],
      ['shop-test-global', 'us-east-1'],
      ['shop-test-beacons-after', 'eu-central-1'],
    ]);
    expect(result.stacks!.map((s) => s.region)).toEqual(['eu-central-1', 'us-east-1', 'eu-central-1']);
  });

  it('records the source region of a parameter linked across regions, both ways', () => {
    const result = compileYaml(SPEC, 'test', {}, twoRegions);
    // regional -> us-east-1: the global stack reads the data stack's output in eu-central-1.
    expect(entry(result, 'shop-test-global').parameters).toEqual({
      RegionalBeaconName: { stackName: 'shop-test-data', output: 'RegionalBeaconName', region: 'eu-central-1' },
    });
    // us-east-1 -> regional: the later stack reads the global stack's output in us-east-1.
    expect(entry(result, 'shop-test-beacons-after').parameters).toEqual({
      GlobalBeaconName: { stackName: 'shop-test-global', output: 'GlobalBeaconName', region: 'us-east-1' },
    });
    expect(result.templates['beacons-after'].Parameters.GlobalBeaconName.Description).toBe(
      'Filled in by gen deploy from stack shop-test-global in us-east-1',
    );
    expect(result.templates['beacons-after'].Resources.LaterBeacon.Properties.Value).toEqual({
      Ref: 'GlobalBeaconName',
    });
    expect(result.templates.global.Outputs.GlobalBeaconName.Value).toEqual({ Ref: 'GlobalBeacon' });
  });

  it('records no source region when both stacks are in one region (an environment in us-east-1)', () => {
    const result = compileYaml(SPEC, 'test', { test: 'region: us-east-1\nlogRetentionDays: 30\n' }, twoRegions);
    expect(codes(result)).toEqual([]);
    expect(result.manifest!.stacks.every((s) => s.region === 'us-east-1')).toBe(true);
    expect(entry(result, 'shop-test-beacons-after').parameters).toEqual({
      GlobalBeaconName: { stackName: 'shop-test-global', output: 'GlobalBeaconName' },
    });
    expect(result.templates['beacons-after'].Parameters.GlobalBeaconName.Description).toBe(
      'Filled in by gen deploy from stack shop-test-global',
    );
  });

  it('is refused when two sections declare it in different regions, or with a name that is no region', () => {
    const again = (region?: string): Section => ({
      key: 'again',
      kind: 'single',
      schema: { type: 'boolean' },
      layers: [{ name: 'global', after: 'api', purpose: 'the same layer', ...(region ? { region } : {}) }],
    });
    expect(() => createRegistry([...BUILTIN_SECTIONS, beaconsSection, again()])).toThrow(
      "layer 'global' is declared in us-east-1 and in the environment's region",
    );
    expect(() => createRegistry([...BUILTIN_SECTIONS, beaconsSection, again('eu-west-1')])).toThrow(
      "layer 'global' is declared in us-east-1 and in eu-west-1",
    );
    expect(() => createRegistry([...BUILTIN_SECTIONS, beaconsSection, again('us-east-1')])).not.toThrow();
    expect(() => createRegistry([...BUILTIN_SECTIONS, again('US East')])).toThrow('not a region name');
  });
});

describe('what a stack outside the environment region cannot have', () => {
  const stack = (region: string, body: string, bytes = body.length): Stack => ({
    layer: 'global',
    region,
    name: 'global',
    stackName: 'shop-test-global',
    file: 'global.template.json',
    body,
    resourceCount: 1,
    bytes,
    sha256: '',
    parameters: {},
    template: { Resources: {} },
  });
  const env = { name: 'test', region: 'eu-central-1' };

  it('is a template over the inline limit (GEN509): the artifact bucket is in the other region', () => {
    const [found] = checkRegions([stack('us-east-1', '{}', 51_201)], env);
    expect(found.code).toBe('GEN509');
    expect(found.message).toBe(
      "stack shop-test-global (layer global) deploys to us-east-1, not the environment's region eu-central-1, and its template is 51201 bytes: above 51200 bytes CloudFormation takes a template only from S3, and the artifact bucket is in eu-central-1",
    );
    expect(checkRegions([stack('us-east-1', '{}', 51_200)], env)).toEqual([]);
    expect(checkRegions([stack('eu-central-1', '{}', 400_000)], env)).toEqual([]);
  });

  it('is function code, documents or images (GEN510), which exist in the environment region only', () => {
    const code = '{"S3Bucket": {"Fn::Sub": "gen-artifacts-test-${AWS::AccountId}-${AWS::Region}"}}';
    const image = '{"ImageUri": {"Fn::Sub": "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/r:t"}}';
    expect(checkRegions([stack('us-east-1', code)], env).map((d) => [d.code, d.message.split(', and ')[1]])).toEqual([
      [
        'GEN510',
        'it uses the artifact bucket (function code or documents), which gen bootstrap and gen deploy provide in eu-central-1 only',
      ],
    ]);
    expect(checkRegions([stack('us-east-1', image)], env).map((d) => d.message.split(', and ')[1])).toEqual([
      'it uses container images, which gen bootstrap and gen deploy provide in eu-central-1 only',
    ]);
    expect(checkRegions([stack('eu-central-1', code + image)], env)).toEqual([]);
  });

  it('fails the build, for an escape-hatch resource put into the us-east-1 layer', () => {
    const spec = `${SPEC}resources:
  GlobalCode:
    layer: global
    type: AWS::SSM::Parameter
    properties:
      Type: String
      Value: !Sub gen-artifacts-test-\${AWS::AccountId}-\${AWS::Region}
`;
    expect(codes(compileYaml(spec, 'test', {}, twoRegions))).toEqual(['GEN510']);
  });
});

describe('gen graph', () => {
  it('names the region of a layer outside the environment region, and only then', () => {
    const here = compileYaml(SPEC, 'test', {}, twoRegions);
    expect(architectureMermaid(here.spec!, here.env!, twoRegions)).toContain(
      'subgraph global["global: shop-test-global in us-east-1"]',
    );
    const east = compileYaml(SPEC, 'test', { test: 'region: us-east-1\nlogRetentionDays: 30\n' }, twoRegions);
    expect(architectureMermaid(east.spec!, east.env!, twoRegions)).toContain(
      'subgraph global["global: shop-test-global"]',
    );
  });
});
