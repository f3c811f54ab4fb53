// What chapters 5 and 6 may pass to the toy's shared widgets, checked when the page is built.
// Schemas are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';

export const tokenPickerProps = () => z.strictObject({});
export type TokenPickerProps = z.input<ReturnType<typeof tokenPickerProps>>;
