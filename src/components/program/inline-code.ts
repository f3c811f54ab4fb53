// An explanation's text in pieces: plain text, and `backticked` code.

/** Split text at backticks: odd pieces are code. */
export function inlinePieces(text: string): { code: boolean; text: string }[] {
  return text.split('`').map((t, i) => ({ code: i % 2 === 1, text: t })).filter((p) => p.text !== '');
}
