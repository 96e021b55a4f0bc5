/** Reproducible zips: entries sorted by name, one fixed time and mode, so the same files always give the same bytes. */

/** 1980-01-01, the earliest time a zip entry can carry. */
const ZIP_EPOCH = new Date(Date.UTC(1980, 0, 1));

export async function reproducibleZip(entries: { name: string; content: Uint8Array }[]): Promise<Buffer> {
  const { ZipFile } = (await import('yazl')).default;
  const zip = new ZipFile();
  for (const entry of [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    zip.addBuffer(Buffer.from(entry.content), entry.name, { mtime: ZIP_EPOCH, mode: 0o100644, compress: true });
  }
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
