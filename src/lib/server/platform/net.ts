import { BlockList, isIP } from 'node:net';

/**
 * Addresses of the people behind a request. Behind a reverse proxy every connection comes from the
 * proxy; only a proxy we were told to trust (TRUSTED_PROXIES) may say who its client is, in
 * X-Forwarded-For and X-Forwarded-Proto. A header from anyone else is ignored, so nobody can pick the
 * address their failed sign-ins are counted against.
 */

export type AddressRange = BlockList;

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  return mapped ? mapped[1] : trimmed.toLowerCase();
}

/** Reads "127.0.0.1, 10.0.0.0/8, ::1" into a list that answers "is this address in it?". */
export function parseAddressList(text: string): { ok: true; ranges: BlockList } | { ok: false; invalid: string } {
  const ranges = new BlockList();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [address, prefixText, extra] = part.split('/');
    const family = isIP(address);
    const prefix = prefixText === undefined ? undefined : /^\d{1,3}$/.test(prefixText) ? Number(prefixText) : NaN;
    if (!family || extra !== undefined || (prefix !== undefined && !(prefix >= 0 && prefix <= (family === 4 ? 32 : 128)))) return { ok: false, invalid: part };
    const type = family === 4 ? 'ipv4' : 'ipv6';
    if (prefix === undefined) ranges.addAddress(address, type);
    else ranges.addSubnet(address, prefix, type);
  }
  return { ok: true, ranges };
}

export function isTrusted(address: string, trusted: BlockList): boolean {
  const normalised = normaliseAddress(address);
  const family = isIP(normalised);
  return family !== 0 && trusted.check(normalised, family === 4 ? 'ipv4' : 'ipv6');
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export interface ClientFacts {
  /** The client's address, as far as trusted proxies vouch for it. */
  address: string;
  /** Whether the client reached us over HTTPS (as the socket or a trusted proxy says). */
  https: boolean;
}

/**
 * Who sent a request: walks X-Forwarded-For from the right, past trusted proxies only, and stops at
 * the first address nobody we trust speaks for.
 */
export function clientFacts(
  socketAddress: string | undefined,
  encrypted: boolean,
  headers: Record<string, string | string[] | undefined>,
  trusted: BlockList,
): ClientFacts {
  let address = normaliseAddress(socketAddress ?? 'unknown');
  if (!isTrusted(address, trusted)) return { address, https: encrypted };
  const proto = headerValue(headers['x-forwarded-proto'])?.split(',').at(-1)?.trim().toLowerCase();
  const https = proto === 'https' ? true : proto === 'http' ? false : encrypted;
  const hops = (headerValue(headers['x-forwarded-for']) ?? '').split(',').map((h) => normaliseAddress(h)).filter((h) => isIP(h) !== 0);
  while (hops.length > 0 && isTrusted(address, trusted)) address = hops.pop()!;
  return { address, https };
}
