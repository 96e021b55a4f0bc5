import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // vitest's default is one worker less than the cores: one worker on CI's 2 cores. Many tests wait
    // on other processes (moto_server, cfn-lint, checkov, the gen CLI), so two workers fit.
    maxWorkers: 2,
    // As bin/gen.js does: the AWS SDK's notice that its 2027 releases need Node 22 is not test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  },
});
