/**
 * Numbers as EventBridge compares them (aws/event-ruler 2.x `ComparableNumber`): a number takes part in numeric
 * matching only if its decimal text is exactly the value of an IEEE-754 double, that is, if the text equals the
 * shortest decimal form of the nearest double (`300`, `3.0e2` and `300.0000` all qualify and are equal;
 * `0.30000000000000001` and `1e400` do not). Such numbers compare exactly as doubles.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/** The exact decimal value of a number text as `sign digits e exponent`, or undefined if it is not a number. */
function canonicalDecimal(text: string): string | undefined {
  const m = DECIMAL.exec(text);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  let digits = m[2] + frac;
  let exp = Number(m[4] ?? '0') - frac.length;
  let start = 0;
  while (start < digits.length - 1 && digits.charCodeAt(start) === 48) start++;
  digits = digits.slice(start);
  if (digits === '0') return '0';
  let end = digits.length;
  while (end > 1 && digits.charCodeAt(end - 1) === 48) end--;
  exp += digits.length - end;
  digits = digits.slice(0, end);
  return `${m[1]}${digits}e${exp}`;
}

const MIN_NORMAL = 2.2250738585072014e-308;

function significantDigits(text: string): number {
  let n = 0;
  let leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) break; // e E
    if (c < 48 || c > 57) continue;
    if (leading && c === 48) continue;
    leading = false;
    n++;
  }
  return n;
}

/**
 * The double value of a JSON number text if EventBridge can compare it numerically, otherwise `undefined`.
 * `-0` reads as `0`.
 */
export function comparableNumber(text: string): number | undefined {
  const d = Number(text);
  if (!Number.isFinite(d)) return undefined;
  if (d === 0) return canonicalDecimal(text) === '0' ? 0 : undefined;
  // Up to 15 significant digits always survive a round trip through a normal double.
  if (significantDigits(text) <= 15 && Math.abs(d) >= MIN_NORMAL) return d;
  const exact = canonicalDecimal(text);
  return exact !== undefined && exact === canonicalDecimal(String(d)) ? d : undefined;
}
