// What chapter 6's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const parameterCalculatorProps = () => z.strictObject({});
export type ParameterCalculatorProps = z.input<ReturnType<typeof parameterCalculatorProps>>;
