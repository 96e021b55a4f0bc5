/**
 * The GitHub repository variables that carry the roles' ARNs from `gen bootstrap --github-repo`
 * to the workflow `gen init` writes (role ARNs are not secrets; variables keep them out of the file).
 */
export const roleVariable = (env: string, kind: 'deploy' | 'diff') =>
  `GEN_ROLE_${env.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${kind.toUpperCase()}`;
