// What chapter 4's MDX may pass to each of its widgets, checked when the page is built. Schemas
// are built by functions so that zod never reaches the browser (see ../ui/props.ts).

import { z } from 'astro/zod';
import { stages } from '../../engine/lessons/stages.ts';
import { stepperCases } from '../../viz/autograd/backprop-stepper.ts';

const finite = () => z.number().finite();

export const stageRunnerProps = () => z.strictObject({ n: z.number().int().min(1).max(stages.length) });
export type StageRunnerProps = z.input<ReturnType<typeof stageRunnerProps>>;

export const backpropStepperProps = () => z.strictObject({ initialCase: z.enum(stepperCases.map((c) => c.id) as [string, ...string[]]).optional() });
export type BackpropStepperProps = z.input<ReturnType<typeof backpropStepperProps>>;

/** ExprGraph and NudgeCheck: the expression they start from. */
export const exprWidgetProps = () => z.strictObject({ initial: z.string().min(1, 'an expression').optional() });
export type ExprWidgetProps = z.input<ReturnType<typeof exprWidgetProps>>;

export const sgdStepperProps = () =>
  z.strictObject({ setup: z.strictObject({ x: finite(), y: finite(), w: finite(), b: finite(), lr: z.number().positive() }).optional() });
export type SgdStepperProps = z.input<ReturnType<typeof sgdStepperProps>>;

export const lossCurveProps = () =>
  z.strictObject({
    setup: z.strictObject({ x: finite(), y: finite(), b: finite(), wMin: finite(), wMax: finite() }).optional(),
    startW: finite().optional(),
    startLr: z.number().positive().optional(),
  });
export type LossCurveProps = z.input<ReturnType<typeof lossCurveProps>>;
