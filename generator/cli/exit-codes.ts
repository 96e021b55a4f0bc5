/** What gen's exit codes mean; CI scripts rely on them. */
export const EXIT = {
  ok: 0,
  /** The spec or an environment has errors (an unknown environment too), or a deploy was refused. */
  specErrors: 1,
  /** The command line is wrong: unknown command or option, a missing required option. */
  usage: 2,
  /** A bug in gen itself. */
  internal: 3,
} as const;
