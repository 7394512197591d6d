/**
 * Typed domain errors. The engine throws these; only the custom-function adapter turns them
 * into `#VALUE!` / `#N/A`, and only the task pane turns them into a message bar.
 *
 * - `invalidInput`: the caller gave something the method cannot use (wrong shape, negative
 *   hours, unknown option). Shown as `#VALUE!`.
 * - `notAvailable`: the inputs are well formed but no answer exists (an infeasible plan, too
 *   little history for the asked method). Shown as `#N/A`.
 */
export type PlanningErrorKind = "invalidInput" | "notAvailable";

export class PlanningError extends Error {
  readonly kind: PlanningErrorKind;
  /** The argument, table or field the message is about, when there is one. */
  readonly argument?: string;

  constructor(kind: PlanningErrorKind, message: string, argument?: string) {
    super(message);
    this.name = "PlanningError";
    this.kind = kind;
    this.argument = argument;
  }
}

/** `invalidInput` error about one argument; the message should say what is wrong and where. */
export function invalidInput(argument: string, message: string): PlanningError {
  return new PlanningError("invalidInput", message, argument);
}

/** `notAvailable` error: well-formed inputs with no answer (infeasible, too little data). */
export function notAvailable(message: string, argument?: string): PlanningError {
  return new PlanningError("notAvailable", message, argument);
}
