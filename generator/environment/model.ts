/**
 * A resolved environment: every per-environment value, typed, defaults applied. The settings
 * every environment has are declared here; each section declares its own part next to its
 * schema, by adding its key to SectionSettings (`declare module` in the section's folder).
 */

/** Settings owned by sections, by section key: each section adds its own. */
// biome-ignore lint/suspicious/noEmptyInterface: sections add their keys by declaration merging, which a type alias cannot take
export interface SectionSettings {}

export interface Environment extends SectionSettings {
  name: string;
  /** environments/<name>.yaml, for messages. */
  file: string;
  region: string;
  /** When set, a deploy into any other AWS account is refused. */
  account?: string;
  /** Protected environments keep data on delete and ask before changes. */
  protected: boolean;
  logRetentionDays: number;
  /** Absent until the environment file sets them (the edge section asks for what it uses). */
  domain: { name?: string; api?: string };
  audit: { logRetentionDays: number };
}
