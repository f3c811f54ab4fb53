// Code blocks sit on white, but a block can also be drawn on the page's sunken grey (inside a
// widget, or judged before it is laid out). Two of GitHub's light token colours fall just
// under 4.5:1 there (comments and keywords' purple); they are darkened a little so every
// token reads on every background of the light theme. The dark theme's colours all pass.

import type { ShikiTransformer } from 'shiki';

/** Light-theme token colours replaced by a darker shade of the same hue (upper case, as Shiki writes them). */
export const lightColourFixes: Readonly<Record<string, string>> = {
  '#6E7781': '#5E6670', // comments
  '#8250DF': '#7646D4', // keywords such as function, return
};

export const readableCodeColours: ShikiTransformer = {
  name: 'readable-code-colours',
  span(node) {
    const style = node.properties.style;
    if (typeof style !== 'string') return;
    // the light colour comes first ("color:#RRGGBB;--shiki-dark:…"); the dark one is left alone
    node.properties.style = style.replace(/^color:(#[0-9A-Fa-f]{6})/, (all, c: string) => {
      const fix = lightColourFixes[c.toUpperCase()];
      return fix ? `color:${fix}` : all;
    });
  },
};
