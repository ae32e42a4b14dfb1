import { describe, expect, it } from 'vitest';
import { readForm } from '../../src/lib/server/web/forms.ts';

const enc = new TextEncoder();

function multipart(fields: Array<[string | Uint8Array, string | Uint8Array, string?]>, boundary = 'posvet-meja'): Request {
  const bytes = (v: string | Uint8Array) => (typeof v === 'string' ? enc.encode(v) : v);
  const parts: Uint8Array[] = [new Uint8Array([0x70, 0xff, 0x0d, 0x0a])]; // a preamble, which is not read
  for (const [name, value, filename] of fields) {
    parts.push(enc.encode(`--${boundary}\r\nContent-Disposition: form-data; name="`), bytes(name), enc.encode(`"${filename ? `; filename="${filename}"` : ''}\r\n\r\n`), bytes(value), enc.encode('\r\n'));
  }
  parts.push(enc.encode(`--${boundary}--\r\n`), new Uint8Array([0xff]));
  return new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, body: Buffer.concat(parts) });
}

const urlencoded = (body: string) => new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });

describe('reading forms', () => {
  it('reads multipart fields as sent, a typed U+FFFD included', async () => {
    expect(await readForm(multipart([['body', 'Čšž \uFFFD'], ['kind', 'comment']]))).toEqual({ body: 'Čšž \uFFFD', kind: 'comment' });
  });

  it('refuses multipart and URL-encoded bodies that are not UTF-8 alike', async () => {
    const bad = new Uint8Array([0x61, 0xff, 0xfe, 0xc3, 0x28]);
    expect(await readForm(multipart([['body', bad], ['kind', 'comment']]))).toEqual({});
    expect(await readForm(multipart([[bad, 'x'], ['kind', 'comment']]))).toEqual({});
    expect(await readForm(urlencoded('body=a%FF%FE%C3%28&kind=comment'))).toEqual({});
  });

  it('reads the text fields of a multipart body whose file part is binary', async () => {
    expect(await readForm(multipart([['body', 'Besedilo'], ['priloga', new Uint8Array([0x89, 0xff, 0x00, 0xfe]), 'slika.png']]))).toEqual({ body: 'Besedilo' });
  });

  it('gives no fields for a multipart body without its boundary or over the size limit', async () => {
    const request = new Request('http://posvet.test/', { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n' });
    expect(await readForm(request)).toEqual({});
    expect(await readForm(multipart([['body', 'x'.repeat(300 * 1024)]]))).toEqual({});
  });
});
