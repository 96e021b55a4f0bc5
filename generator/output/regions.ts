/**
 * Stacks outside the environment's region (a layer with LayerSpec.region: us-east-1 for what
 * CloudFront requires there) get nothing gen bootstrap makes: the artifact bucket and the image
 * repositories are in the environment's region, and a function's code or image is fetched from
 * its own region only. So such a stack must not need them (GEN510), and its template must go
 * inline (GEN509): above 51,200 bytes CloudFormation takes a template by S3 URL only, and
 * CloudFormation's API reference asked for "an S3 bucket in the same region as the stack" (still
 * required in the China and GovCloud regions), which the artifact bucket is not.
 */
import { error, type Diagnostic } from '../diagnostics.js';
import { names } from '../naming/ids.js';
import { LIMITS } from './limits.js';
import type { Stack } from './stacks.js';

export function checkRegions(stacks: readonly Stack[], env: { name: string; region: string }): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const bucket = names.artifactBucket(env.name);
  for (const stack of stacks.filter((s) => s.region !== env.region)) {
    const where = `stack ${stack.stackName} (layer ${stack.layer}) deploys to ${stack.region}, not the environment's region ${env.region}`;
    if (stack.bytes > LIMITS.inlineTemplateBytes)
      diagnostics.push(
        error(
          'GEN509',
          `${where}, and its template is ${stack.bytes} bytes: above ${LIMITS.inlineTemplateBytes} bytes CloudFormation takes a template only from S3, and the artifact bucket is in ${env.region}`,
          undefined,
          `keep what goes into layer ${stack.layer} under ${LIMITS.inlineTemplateBytes} bytes of template (fewer or smaller resources there)`,
        ),
      );
    const needs = [
      ...(stack.body.includes(bucket) ? ['the artifact bucket (function code or documents)'] : []),
      ...(stack.body.includes('.dkr.ecr.') ? ['container images'] : []),
    ];
    if (needs.length > 0)
      diagnostics.push(
        error(
          'GEN510',
          `${where}, and it uses ${needs.join(' and ')}, which gen bootstrap and gen deploy provide in ${env.region} only`,
          undefined,
          `put functions and what reads the artifact bucket in a layer of the environment's region; a ${stack.region} layer holds only what AWS requires there`,
        ),
      );
  }
  return diagnostics;
}
