// One highlighting setup for every code block: fenced code in chapters (astro.config.mjs) and
// <CodeRegion>. GitHub's "default" themes, whose token colours meet WCAG AA (the older
// github-light/-dark do not), made readable on every background (code-colours.ts).

import { readableCodeColours } from './code-colours.ts';
import { hangingIndent } from './hanging-indent.ts';

export const codeThemes = { light: 'github-light-default', dark: 'github-dark-default' } as const;
export const codeTransformers = [hangingIndent, readableCodeColours];
