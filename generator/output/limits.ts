/**
 * CloudFormation's per-stack limits (templates passed through S3), and how full placement
 * fills a stack with new resources: the rest is headroom, so existing resources can grow
 * (a function gaining a version and an alias) without anything having to move.
 */
export const LIMITS = {
  resources: 500,
  outputs: 200,
  parameters: 200,
  templateBytes: 1_048_576,
  /** Larger templates cannot be passed inline and go through the artifact bucket. */
  inlineTemplateBytes: 51_200,
} as const;

export interface StackLimits {
  resources: number;
  outputs: number;
  templateBytes: number;
}

export const HARD_LIMITS: StackLimits = {
  resources: LIMITS.resources,
  outputs: LIMITS.outputs,
  templateBytes: LIMITS.templateBytes,
};

const FILL_RATIO = 0.8;

export const fillLimits = (hard: StackLimits): StackLimits => ({
  resources: Math.floor(hard.resources * FILL_RATIO),
  outputs: Math.floor(hard.outputs * FILL_RATIO),
  templateBytes: Math.floor(hard.templateBytes * FILL_RATIO),
});
