/**
 * The Lambda runtimes gen knows, with the language of their handler files and AWS's dates
 * (Lambda's runtime table, docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html, as cfn-lint
 * records it in LmbdRuntimeLifecycle.json): deprecated (no more patches), then creating and then
 * updating functions is blocked. AWS moves these dates: check the table when adding a runtime.
 */
export type Language = 'node' | 'python';

export interface Runtime {
  language: Language;
  deprecates: string;
  createBlocked: string;
  updateBlocked: string;
}

export const RUNTIMES: Record<string, Runtime> = {
  'nodejs22.x': {
    language: 'node',
    deprecates: '2027-04-30',
    createBlocked: '2027-06-01',
    updateBlocked: '2027-07-01',
  },
  'nodejs24.x': {
    language: 'node',
    deprecates: '2028-04-30',
    createBlocked: '2028-06-01',
    updateBlocked: '2028-07-01',
  },
  'python3.11': {
    language: 'python',
    deprecates: '2026-06-30',
    createBlocked: '2026-07-31',
    updateBlocked: '2026-08-31',
  },
  'python3.12': {
    language: 'python',
    deprecates: '2028-10-31',
    createBlocked: '2028-11-30',
    updateBlocked: '2029-01-10',
  },
  'python3.13': {
    language: 'python',
    deprecates: '2029-06-30',
    createBlocked: '2029-07-31',
    updateBlocked: '2029-08-31',
  },
  'python3.14': {
    language: 'python',
    deprecates: '2029-06-30',
    createBlocked: '2029-07-31',
    updateBlocked: '2029-08-31',
  },
};

/** The newest runtime of a language: what a retired one should move to. */
export const newest = (language: Language) =>
  Object.keys(RUNTIMES)
    .filter((r) => RUNTIMES[r].language === language)
    .at(-1)!;

/** When Lambda no longer creates functions with this runtime (today or earlier), the date it stopped; `today` for tests. */
export function creationBlocked(runtime: string, today = new Date()): string | undefined {
  const date = RUNTIMES[runtime]?.createBlocked;
  return date && Date.parse(date) <= today.getTime() ? date : undefined;
}

export const DEFAULT_RUNTIME = 'nodejs24.x';

export const languageOf = (runtime: string): Language => RUNTIMES[runtime]?.language ?? 'node';

/** File extensions a handler file may have, per language. */
export const HANDLER_EXTENSIONS: Record<Language, string[]> = { node: ['.mjs', '.js', '.cjs', '.ts'], python: ['.py'] };

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The deprecation date when it is less than a year away (or past), for a warning; `today` for tests. */
export function deprecationSoon(runtime: string, today = new Date()): string | undefined {
  const date = RUNTIMES[runtime]?.deprecates;
  return date && !creationBlocked(runtime, today) && Date.parse(date) - today.getTime() < YEAR_MS ? date : undefined;
}

/** The processors Lambda runs functions on. */
export type Architecture = 'arm64' | 'x86_64';
