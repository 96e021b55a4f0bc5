/**
 * The Lambda runtimes gen builds for, with the language of their handler files and the date
 * AWS deprecates them (Lambda's runtime table, docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html;
 * AWS moves these dates, so check the table when adding a runtime). nodejs20.x and python3.10
 * are gone: Lambda no longer creates functions with them.
 */
export type Language = 'node' | 'python';

export const RUNTIMES: Record<string, { language: Language; deprecates: string }> = {
  'nodejs22.x': { language: 'node', deprecates: '2027-04-30' },
  'nodejs24.x': { language: 'node', deprecates: '2028-04-30' },
  'python3.11': { language: 'python', deprecates: '2027-06-30' },
  'python3.12': { language: 'python', deprecates: '2028-10-31' },
  'python3.13': { language: 'python', deprecates: '2029-06-30' },
  'python3.14': { language: 'python', deprecates: '2029-06-30' },
};

export const DEFAULT_RUNTIME = 'nodejs24.x';

export const languageOf = (runtime: string): Language => RUNTIMES[runtime]?.language ?? 'node';

/** File extensions a handler file may have, per language. */
export const HANDLER_EXTENSIONS: Record<Language, string[]> = { node: ['.mjs', '.js', '.cjs', '.ts'], python: ['.py'] };

const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The deprecation date when it is less than a year away (or past), for a warning; `today` for tests. */
export function deprecationSoon(runtime: string, today = new Date()): string | undefined {
  const date = RUNTIMES[runtime]?.deprecates;
  return date && Date.parse(date) - today.getTime() < YEAR_MS ? date : undefined;
}
