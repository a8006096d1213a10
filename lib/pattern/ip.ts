/**
 * IP addresses as EventBridge reads them (aws/event-ruler `CIDR`): a string is an address if it looks like one
 * (four dotted decimal parts, or hex groups with at least one colon) and parses; IPv4-mapped IPv6 addresses
 * (`::ffff:a00:1`) are the IPv4 address. Addresses compare as fixed-length uppercase hex strings (8 digits for IPv4,
 * 32 for IPv6).
 */

const IPV4_SHAPE = /^[0-9]+\.[0-9]+\.[0-9]+\.[0-9]+$/;
const IPV6_SHAPE = /^[0-9a-fA-F:]*:[0-9a-fA-F:]*$/;
const HEX = '0123456789ABCDEF';

/** Whether a string has the shape event-ruler treats as an IP address literal (before parsing it). */
export function looksLikeIp(text: string): boolean {
  return IPV4_SHAPE.test(text) || IPV6_SHAPE.test(text);
}

function hex(bytes: readonly number[]): string {
  let out = '';
  for (const b of bytes) out += HEX[b >> 4] + HEX[b & 15];
  return out;
}

function parseV4(text: string): number[] | undefined {
  const parts = text.split('.');
  const bytes: number[] = [];
  for (const p of parts) {
    // Leading zeros are ambiguous (octal or decimal) and rejected by current JDKs.
    if (p.length > 3 || (p.length > 1 && p.charCodeAt(0) === 48)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    bytes.push(n);
  }
  return bytes;
}

function parseV6(text: string): number[] | undefined {
  const double = text.indexOf('::');
  if (double !== text.lastIndexOf('::')) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.length < 1 || g.length > 4) return undefined;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let groups: number[];
  if (double >= 0) {
    const head = groupsOf(text.slice(0, double));
    const tail = groupsOf(text.slice(double + 2));
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
  } else {
    const all = groupsOf(text);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  const bytes: number[] = [];
  for (const g of groups) bytes.push(g >> 8, g & 255);
  const mapped = bytes.slice(0, 10).every((b) => b === 0) && bytes[10] === 255 && bytes[11] === 255;
  return mapped ? bytes.slice(12) : bytes;
}

/** The address bytes of an IP literal (4 or 16), or undefined if the text is not one. */
export function ipBytes(text: string): number[] | undefined {
  if (IPV4_SHAPE.test(text)) return parseV4(text);
  if (IPV6_SHAPE.test(text)) return parseV6(text);
  return undefined;
}

/** The canonical hex form of an IP literal, or undefined if the text is not one. */
export function ipHex(text: string): string | undefined {
  const bytes = ipBytes(text);
  return bytes === undefined ? undefined : hex(bytes);
}

/** An inclusive range of addresses, both ends in canonical hex of the same length. */
export interface IpRange {
  readonly low: string;
  readonly high: string;
}

/** The result of reading a CIDR block: a range, or why EventBridge rejects it. */
export type CidrResult = { readonly range: IpRange } | { readonly error: string };

/**
 * Reads a CIDR block the way event-ruler does: the range runs from the address with every host bit cleared to the
 * address with every host bit set (`10.0.0.5/24` is `10.0.0.0`-`10.0.0.255`). Mask bits must be 0-31 for IPv4 and 0-127 for IPv6.
 */
export function parseCidr(text: string): CidrResult {
  const parts = text.split('/');
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  if (parts.length !== 2) return { error: "malformed CIDR: exactly one '/' is required" };
  if (!/^[+-]?\d{1,10}$/.test(parts[1]) || Number(parts[1]) > 2147483647) {
    return { error: 'malformed CIDR: the mask bits must be an integer' };
  }
  const maskBits = Number(parts[1]);
  if (maskBits < 0) return { error: 'malformed CIDR: the mask bits must not be negative' };
  const bytes = ipBytes(parts[0]);
  if (bytes === undefined) return { error: `${JSON.stringify(parts[0])} is not an IPv4 or IPv6 address` };
  const bits = bytes.length * 8;
  if (maskBits >= bits) {
    return { error: `${bytes.length === 4 ? 'IPv4' : 'IPv6'} mask bits must be below ${bits}; got ${maskBits}` };
  }
  let hostBits = bits - maskBits;
  const low = bytes.slice();
  const high = bytes.slice();
  for (let i = high.length - 1; i >= 0 && hostBits > 0; i--, hostBits -= 8) {
    const hostMask = hostBits >= 8 ? 255 : (1 << hostBits) - 1;
    low[i] &= ~hostMask & 255;
    high[i] |= hostMask;
  }
  return { range: { low: hex(low), high: hex(high) } };
}
