// Numbers for display, one function per meaning, used by MDX, widgets and figures alike.
// Every negative number is written with a true minus sign (U+2212), and no number shows as "−0".

const minus = '\u2212';

/** Replace an ASCII hyphen-minus, at the front or in an exponent ("e-16"), with a true minus sign. */
function trueMinus(text: string): string {
  return text.replace(/^-|(?<=e)-/g, minus);
}

/** An integer with thousands separators: int(4192) = "4,192", int(-3) = "−3". */
export function int(n: number): string {
  return trueMinus(Math.round(n).toLocaleString('en-US'));
}

/** A count and its noun, singular for exactly one: counted(1, 'layer') = "1 layer", counted(4096, 'byte') = "4,096 bytes". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${int(n)} ${n === 1 ? one : many}`;
}

/** Text the reader typed, quoted back: at most `most` characters, then "…". clipped("abcdef", 3) = "abc…". */
export function clipped(text: string, most = 20): string {
  const chars = [...text];
  return chars.length > most ? `${chars.slice(0, most).join('')}…` : text;
}

/** Fixed decimals, a true minus, no "−0.00": fixed(-0.004, 2) = "0.00", fixed(-1.5, 2) = "−1.50". */
export function fixed(x: number, decimals = 2): string {
  if (!Number.isFinite(x)) return String(x);
  const text = x.toFixed(decimals);
  return Number(text) === 0 ? (0).toFixed(decimals) : trueMinus(text);
}

/** Like fixed(), with a plus sign on positive numbers: signed(0.25) = "+0.25". */
export function signed(x: number, decimals = 2): string {
  const text = fixed(x, decimals);
  return text.startsWith(minus) || Number(x.toFixed(decimals)) === 0 ? text : '+' + text;
}

/**
 * A number written as one factor of a product or a power: a negative one in brackets, so a
 * sign never reads as an operator. factor(-0.5) = "(−0.50)", factor(0.5) = "0.50"; `write`
 * is the formatter (fixed by default, with `decimals`).
 */
export function factor(x: number, decimals = 2, write: (x: number, decimals: number) => string = fixed): string {
  const text = write(x, decimals);
  return text.startsWith(minus) ? `(${text})` : text;
}

/**
 * A number at most `decimals` places, trailing zeros dropped, in exponent form when very large
 * or very small, the exponent's sign a true minus too: short(2.50) = "2.5", short(-0.000012) = "−1.2e−5".
 */
export function short(x: number, decimals = 4): string {
  if (!Number.isFinite(x)) return String(x);
  const abs = Math.abs(x);
  const text = abs !== 0 && (abs >= 1e6 || abs < 10 ** -decimals) ? abs.toExponential(3).replace(/\.?0+e/, 'e') : String(Number(abs.toFixed(decimals)));
  return (x < 0 && text !== '0' ? minus : '') + trueMinus(text);
}

/** A number to `digits` significant digits, enough to see float rounding: precise(0.1 + 0.2) = "0.3". */
export function precise(x: number, digits = 10): string {
  return Number.isFinite(x) ? trueMinus(String(Number(x.toPrecision(digits)))) : String(x);
}

/** A percentage of a whole, one decimal: percent(1, 8) = "12.5%". */
export function percent(part: number, whole: number, decimals = 1): string {
  return `${fixed((100 * part) / whole, decimals)}%`;
}

const subscriptDigits = '₀₁₂₃₄₅₆₇₈₉';

/** An integer as Unicode subscript digits, for names like w₁₂: subscript(12) = "₁₂". */
export function subscript(n: number): string {
  return trueMinus(String(Math.trunc(n))).replace(/\d/g, (d) => subscriptDigits[Number(d)]).replace(minus, '₋');
}

/** Read back a number the reader or a display string wrote with a true minus or a comma decimal. */
export function parseDisplayNumber(text: string): number {
  const t = text.trim().replaceAll(minus, '-').replaceAll(',', '.');
  return t === '' ? Number.NaN : Number(t);
}

/** A formatted number made safe inside TeX: KaTeX spaces a bare comma as punctuation, so "4,192" becomes "4{,}192". */
export function tex(formatted: string): string {
  return formatted.replaceAll(',', '{,}');
}

/** A vector in TeX, entries with fixed decimals: texVector([-0.69, 1.23]) = "(−0.69,\ 1.23)". */
export function texVector(xs: readonly number[], decimals = 2): string {
  return `(${xs.map((x) => fixed(x, decimals)).join(',\\ ')})`;
}

/** Rows of TeX (joined by \\, aligned at &) as one aligned block, the way long equations are broken for a phone. */
export function texAligned(rows: string): string {
  return `\\begin{aligned} ${rows} \\end{aligned}`;
}

const byteUnits = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** A no-break space: a number and its unit never end up on two lines. */
const nbsp = '\u00a0';

/**
 * A size in bytes in the largest binary unit it reaches (1 KiB = 1,024 bytes, 1 MiB = 1,024
 * KiB, …), at most `decimals` places (two unless told), thousands separators, joined to its
 * unit by a no-break space: bytes(2048) = "2 KiB", bytes(1536) = "1.5 KiB", bytes(1000) =
 * "1,000 bytes", bytes(16.06e9, 0) = "15 GiB".
 */
export function bytes(n: number, decimals = 2): string {
  let value = n;
  let i = 0;
  while (Math.abs(value) >= 1024 && i < byteUnits.length - 1) {
    value /= 1024;
    i++;
  }
  return `${trueMinus(value.toLocaleString('en-US', { maximumFractionDigits: i === 0 ? 0 : decimals }))}${nbsp}${byteUnits[i]}`;
}
