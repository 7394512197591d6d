/**
 * A small stand-in for the `CustomFunctions` global that Excel provides to custom functions,
 * so the adapters run under Node. Same shape as @types/custom-functions-runtime: an Error class
 * with `code` and `message`, and the ErrorCode enum values Excel uses.
 */
export const ErrorCode = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export class CustomFunctionsError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.code = code;
  }
}

export function installCustomFunctions(): void {
  (globalThis as any).CustomFunctions = { Error: CustomFunctionsError, ErrorCode };
}

installCustomFunctions();

/** Calls `fn` and returns the CustomFunctions.Error it throws (fails the test otherwise). */
export function excelError(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    if (e instanceof CustomFunctionsError) return { code: e.code, message: e.message };
    throw new Error(`expected a CustomFunctions.Error, got ${String(e)}`);
  }
  throw new Error("expected a CustomFunctions.Error, but the call returned");
}
