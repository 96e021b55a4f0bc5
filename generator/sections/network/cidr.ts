/**
 * IPv4 CIDR blocks as numbers: parsing, the checks AWS makes on VPC and subnet ranges, and the
 * n-th block of a size inside another (Terraform's cidrsubnet), so gen writes every subnet's range
 * as a static string that reads well in a diff.
 */

export interface Block {
  /** First address, as an unsigned 32-bit number. */
  base: number;
  prefix: number;
}

const size = (prefix: number) => 2 ** (32 - prefix);

/** `10.0.0.0/16` -> its block, or undefined when it is not a dotted quad with a prefix of 0-32. */
export function parseCidr(text: string): Block | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  return { base: octets.reduce((n, o) => n * 256 + o, 0), prefix };
}

export function formatCidr({ base, prefix }: Block): string {
  return `${[24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256).join('.')}/${prefix}`;
}

/** The block with its host bits cleared (what AWS would have to use): 10.0.1.0/16 -> 10.0.0.0/16. */
export const alignedBlock = ({ base, prefix }: Block): Block => ({
  base: base - (base % size(prefix)),
  prefix,
});

export const isAligned = (block: Block) => block.base % size(block.prefix) === 0;

export const contains = (outer: Block, inner: Block) =>
  inner.prefix >= outer.prefix &&
  inner.base >= outer.base &&
  inner.base + size(inner.prefix) <= outer.base + size(outer.prefix);

export const overlaps = (a: Block, b: Block) => a.base < b.base + size(b.prefix) && b.base < a.base + size(a.prefix);

/** The `index`-th block of prefix `outer.prefix + newBits` inside `outer` (cidrsubnet(outer, newBits, index)). */
export function subnetOf(outer: Block, newBits: number, index: number): Block {
  const prefix = outer.prefix + newBits;
  return { base: outer.base + index * size(prefix), prefix };
}
