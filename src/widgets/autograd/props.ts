// What chapter 4's MDX may pass to each of its widgets, checked when the page is built.

import { z } from 'astro/zod';
import { stepperCases } from '../../viz/autograd/backprop-stepper.ts';
import { stages } from '../../engine/lessons/stages.ts';

const setupNumber = z.number().finite();

export const stageRunnerProps = z.strictObject({
  n: z.number().int().min(1).max(stages.length),
});

export const backpropStepperProps = z.strictObject({
  initialCase: z.enum(stepperCases.map((c) => c.id) as [string, ...string[]]).optional(),
});

export const exprGraphProps = z.strictObject({
  initial: z.string().min(1, 'an expression').optional(),
});

export const nudgeCheckProps = exprGraphProps;

export const sgdStepperProps = z.strictObject({
  setup: z.strictObject({ x: setupNumber, y: setupNumber, w: setupNumber, b: setupNumber, lr: z.number().positive() }).optional(),
});

export const lossCurveProps = z.strictObject({
  setup: z.strictObject({ x: setupNumber, y: setupNumber, b: setupNumber, wMin: setupNumber, wMax: setupNumber }).optional(),
  startW: setupNumber.optional(),
  startLr: z.number().positive().optional(),
});
