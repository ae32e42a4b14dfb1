import sax from 'sax';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { unzip } from '../support/zip.ts';

/**
 * Reading the Office files the report writers make: the ZIP (tests/support/zip.ts) and its XML with
 * a real parser, sax in strict mode (a dev dependency), which throws on anything
 * that is not well-formed XML 1.0.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** The XML as a tree; throws if it is not well-formed. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const parser = sax.parser(true, { trim: false, normalize: false });
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (node) => {
    // Without the xmlns option, attributes are plain strings.
    const element: XmlNode = { name: node.name, attributes: node.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => {
    stack[stack.length - 1].text += text;
  };
  parser.write(xml).close();
  return root;
}

/** Every element named `name` under `node`, in document order. */
export function findAll(node: XmlNode, name: string, found: XmlNode[] = []): XmlNode[] {
  for (const child of node.children) {
    if (child.name === name) found.push(child);
    findAll(child, name, found);
  }
  return found;
}

/** The text of every w:t or t under the node, joined. */
export const textOf = (node: XmlNode, tag = 'w:t'): string => findAll(node, tag).map((n) => n.text).join('');

/** The package's parts, each XML part checked to be well-formed. */
export function readPackage(zip: Buffer): Map<string, string> {
  const parts = new Map<string, string>();
  for (const [name, data] of unzip(zip)) {
    const text = data.toString('utf8');
    if (/\.(xml|rels)$/.test(name)) parseXml(text);
    parts.set(name, text);
  }
  return parts;
}

/** A sink collecting what a writer writes, with a small buffer so that backpressure is exercised. */
export function collector(): { out: Writable; bytes: () => Promise<Buffer> } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    highWaterMark: 1024,
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      setImmediate(callback);
    },
  });
  // As files.ts does: the writer never ends `out`; its owner ends it and waits for everything written.
  const bytes = async () => {
    out.end();
    await finished(out);
    return Buffer.concat(chunks);
  };
  return { out, bytes };
}
