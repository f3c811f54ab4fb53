// The custom properties of src/styles/tokens.css, per theme, for the tests that check colours.

import { readFileSync } from 'node:fs';

const css = readFileSync('src/styles/tokens.css', 'utf8');

/** The custom properties set in the rule that starts with `selector {`. */
function block(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`no ${selector} rule in tokens.css`);
  const body = css.slice(start, css.indexOf('}', start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

/** Each theme's properties: the dark theme is the light one with its own rule on top. */
export function paletteThemes(): { light: Map<string, string>; dark: Map<string, string> } {
  const light = block(':root');
  return { light, dark: new Map([...light, ...block(":root[data-theme='dark']")]) };
}
