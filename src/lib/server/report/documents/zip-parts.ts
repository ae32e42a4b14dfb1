import { PassThrough, type Writable } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import yazl from 'yazl';

/**
 * What the DOCX and XLSX writers share: Office files are ZIP packages of XML parts. The small parts
 * are buffers; the one large part (the sheet, the document's body) is a stream the writer fills row
 * by row while yazl deflates it straight into `out`, so memory stays flat whatever the size.
 */

/** Characters XML 1.0 does not allow (control characters, lone surrogates, U+FFFE/FFFF): dropped. */
const FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text as XML character data or an attribute value; a carriage return is kept as a reference, which XML would otherwise fold into a line feed. */
export function xml(text: string): string {
  return text
    .replace(FORBIDDEN, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;');
}

export type PartContent = string | Buffer | ((part: Writable) => Promise<void>);

/**
 * Writes a ZIP package into `out` (never ending it): a string or buffer is stored as it is, a
 * function is given a stream to write its part into (with `write`, which waits while the ZIP is
 * behind). Parts are written in the order given.
 */
export async function writePackage(out: Writable, parts: Array<[name: string, content: PartContent]>): Promise<void> {
  const zip = new yazl.ZipFile();
  const streamed: Array<[PassThrough, (part: Writable) => Promise<void>]> = [];
  const mtime = new Date('2000-01-01T00:00:00Z');
  for (const [name, content] of parts) {
    if (typeof content === 'function') {
      const part = new PassThrough({ highWaterMark: 256 * 1024 });
      zip.addReadStream(part, name, { mtime });
      streamed.push([part, content]);
    } else zip.addBuffer(Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'), name, { mtime });
  }
  zip.end();
  const output = zip.outputStream;
  const finished = new Promise<void>((resolve, reject) => {
    output.on('end', resolve);
    output.on('error', reject);
    out.on('error', reject);
  });
  output.pipe(out, { end: false });
  try {
    // yazl reads the streamed parts one after another, in order: each is filled in its turn.
    for (const [part, fill] of streamed) {
      await fill(part);
      part.end();
    }
  } catch (error) {
    output.unpipe(out);
    for (const [part] of streamed) part.destroy();
    throw error;
  }
  await finished;
}

/** The entries of a small ZIP held in memory (the DOCX skeleton `docx` packs), read by its central directory. */
export function readZip(zip: Buffer): Array<[string, Buffer]> {
  const entries: Array<[string, Buffer]> = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a ZIP archive');
  let offset = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    if (zip.readUInt32LE(offset) !== 0x02014b50) throw new Error('broken ZIP central directory');
    const method = zip.readUInt16LE(offset + 10);
    const size = zip.readUInt32LE(offset + 20);
    const nameLength = zip.readUInt16LE(offset + 28);
    const local = zip.readUInt32LE(offset + 42);
    const name = zip.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push([name, method === 8 ? inflateRawSync(data) : Buffer.from(data)]);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}
