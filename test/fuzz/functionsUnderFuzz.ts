/**
 * The custom functions `npm run fuzz` exercises, with each one's share of the generated calls.
 * Every exported custom function in src/functions/functions.ts belongs here (a test checks it).
 */
import type { FunctionUnderFuzz } from "./contract";
import { forecastSopUnderFuzz } from "./forecastSopSpec";
import { rccpLoadUnderFuzz } from "./rccpLoadSpec";
import { reconcileUnderFuzz } from "./reconcileSpec";

export const FUNCTIONS_UNDER_FUZZ: { spec: FunctionUnderFuzz; share: number }[] = [
  { spec: rccpLoadUnderFuzz, share: 1 },
  { spec: forecastSopUnderFuzz, share: 1 },
  { spec: reconcileUnderFuzz, share: 1 },
];
