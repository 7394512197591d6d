/**
 * The one place where engine errors become Excel errors. A custom message shows in Excel only
 * for `#VALUE!` (invalidValue) and `#N/A` (notAvailable), so those are the two codes used.
 */
import { PlanningError } from "../engine/errors";

/** Excel shows long messages cut off in the cell's tooltip; keep them short and whole. */
const MAX_MESSAGE = 250;

function clip(message: string): string {
  return message.length <= MAX_MESSAGE ? message : message.slice(0, MAX_MESSAGE - 1) + "…";
}

function isCustomFunctionsError(e: unknown): e is CustomFunctions.Error {
  return typeof CustomFunctions !== "undefined" && e instanceof CustomFunctions.Error;
}

/** Turns anything thrown by a custom function's body into a `CustomFunctions.Error`. */
export function toExcelError(e: unknown): CustomFunctions.Error {
  if (isCustomFunctionsError(e)) return e;
  if (e instanceof PlanningError) {
    const code =
      e.kind === "notAvailable" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
    return new CustomFunctions.Error(code, clip(e.message));
  }
  // A bug of ours, not the planner's input: still a message, never a bare #VALUE!.
  const detail = e instanceof Error ? e.message : String(e);
  return new CustomFunctions.Error(
    CustomFunctions.ErrorCode.invalidValue,
    clip(`S&OP Planner internal error: ${detail}`),
  );
}

/**
 * Runs a custom function's body and converts every failure, so no exception escapes to Excel
 * unhandled. Works for synchronous and asynchronous bodies.
 */
export function guard<T>(body: () => T): T {
  try {
    const result = body();
    if (result instanceof Promise) {
      return result.catch((e: unknown) => {
        throw toExcelError(e);
      }) as T;
    }
    return result;
  } catch (e) {
    throw toExcelError(e);
  }
}
