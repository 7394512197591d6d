import { excelError } from "../support/customFunctions";
import { rccpLoad } from "../../src/functions/functions";

describe("=SOP.RCCP_LOAD", () => {
  // Oracle: ../shared/oracles/rccp.json "bill_of_capacity_walnut_hill" (Vollmann et al.):
  // plan 450, 300, 625, 890; circuit board 0.2 h/unit, assembly 0.3 h/unit; capacity 130 and 160 h.
  const plan = [[450, 300, 625, 890]];
  const bill = [[0.2, 0.3]];
  const capacity = [[130], [160]];

  it("returns resources × periods load for a row plan (Walnut Hill)", () => {
    const load = rccpLoad(plan, bill, null as any, null as any, null);
    expect(load.length).toBe(2);
    const expected = [
      [90, 60, 125, 178],
      [135, 90, 187.5, 267],
    ];
    load.forEach((row, r) => row.forEach((h, t) => expect(h).toBeCloseTo(expected[r][t], 9)));
  });

  it("returns overload hours against a capacity column used for every period", () => {
    // circuit board: 178 − 130 = 48 in period 4; assembly: 187.5 − 160 = 27.5 and 267 − 160 = 107
    const overload = rccpLoad(plan, bill, capacity, null as any, "overload");
    expect(overload[0].map((h) => +h.toFixed(9))).toEqual([0, 0, 0, 48]);
    expect(overload[1].map((h) => +h.toFixed(9))).toEqual([0, 0, 27.5, 107]);
  });

  it("returns utilization and remaining hours", () => {
    const utilization = rccpLoad(plan, bill, capacity, undefined as any, "Utilization");
    expect(utilization[1][3]).toBeCloseTo(267 / 160, 12);
    const remaining = rccpLoad(
      plan,
      bill,
      [
        [130, 130, 130, 130],
        [160, 160, 160, 160],
      ],
      undefined as any,
      "remaining",
    );
    expect(remaining[0].map((h) => +h.toFixed(9))).toEqual([40, 70, 5, -48]);
  });

  it("keeps a column plan's orientation: periods down, resources across", () => {
    const load = rccpLoad([[450], [300], [625], [890]], bill, undefined as any, undefined as any, undefined);
    expect(load.length).toBe(4);
    expect(load[3][0]).toBeCloseTo(178, 9); // period 4, circuit board
    expect(load[3][1]).toBeCloseTo(267, 9); // period 4, assembly
  });

  it("reads capacity periods down for a column plan", () => {
    // one resource, 2 h/unit: load 20, 40; capacity 30, 30 → overload 0, 10
    expect(rccpLoad([[10], [20]], [[2]], [[30], [30]], null as any, "overload")).toEqual([[0], [10]]);
  });

  it("treats a 1×1 plan as one item in one period", () => {
    expect(rccpLoad([[7]], [[1.5, 2]], null as any, null as any, null)).toEqual([[10.5], [14]]);
  });

  it("sums several items (matrix plan) and applies resource-profile offsets", () => {
    // hand calculation: item 1 plan 10, 20, 30 at 1 h/unit with offset 1 → 20, 30, 0 (+ 10 past due in period 1 → 30)
    //                   item 2 plan 5, 5, 5 at 2 h/unit, no offset → 10, 10, 10
    // total: 40, 40, 10
    const load = rccpLoad(
      [
        [10, 20, 30],
        [5, 5, 5],
      ],
      [[1], [2]],
      null as any,
      [[1], [0]],
      "load",
    );
    expect(load).toEqual([[40, 40, 10]]);
  });

  it("counts blank plan and bill cells as 0", () => {
    expect(rccpLoad([[null, "", 4]], [[2, null]], null as any, null as any, null)).toEqual([
      [0, 0, 8],
      [0, 0, 0],
    ]);
  });

  describe("bad input gets #VALUE! with a message that names the argument", () => {
    it.each([
      [
        "a bill with the wrong number of rows",
        () =>
          rccpLoad(
            [
              [1, 2],
              [3, 4],
            ],
            [[1]],
            null as any,
            null as any,
            null,
          ),
        /bill has 1 rows but plan has 2 items/,
      ],
      [
        "text in the plan",
        () => rccpLoad([[1, "ten"]], [[1]], null as any, null as any, null),
        /plan holds text "ten" at row 1, column 2/,
      ],
      [
        "negative hours in the bill",
        () => rccpLoad([[1]], [[-0.5]], null as any, null as any, null),
        /bill is negative \(-0.5\) at row 1, column 1/,
      ],
      [
        "a negative planned quantity",
        () => rccpLoad([[-3]], [[1]], null as any, null as any, null),
        /plan is negative/,
      ],
      [
        "an error value in the plan",
        () => rccpLoad([["#N/A"]], [[1]], null as any, null as any, null),
        /plan holds "#N\/A"/,
      ],
      ["a boolean in the bill", () => rccpLoad([[1]], [[true]], null as any, null as any, null), /bill holds true/],
      [
        "capacity with the wrong number of periods",
        () => rccpLoad([[1, 2, 3]], [[1]], [[5, 5]], null as any, "overload"),
        /capacity has 2 periods but plan has 3/,
      ],
      [
        "capacity for the wrong number of resources",
        () => rccpLoad([[1]], [[1, 1]], [[5]], null as any, "overload"),
        /capacity has 1 rows but bill has 2 resources/,
      ],
      [
        "utilization without capacity",
        () => rccpLoad([[1]], [[1]], null as any, null as any, "utilization"),
        /capacity is needed for output "utilization"/,
      ],
      [
        "zero capacity with utilization",
        () => rccpLoad([[1]], [[1]], [[0]], null as any, "utilization"),
        /capacity is 0 for resource 1 in period 1/,
      ],
      [
        "an unknown output",
        () => rccpLoad([[1]], [[1]], null as any, null as any, "hours"),
        /output must be one of "load", "utilization", "overload", "remaining", not "hours"/,
      ],
      [
        "fractional offsets",
        () => rccpLoad([[1]], [[1]], null as any, [[0.5]], null),
        /offsets is 0.5 at row 1, column 1; it must be a whole number/,
      ],
      [
        "offsets of the wrong shape",
        () => rccpLoad([[1]], [[1, 1]], null as any, [[1]], null),
        /offsets is 1×1 but bill is 1×2/,
      ],
      [
        "a ragged plan",
        () => rccpLoad([[1, 2], [3]] as any, [[1], [1]], null as any, null as any, null),
        /plan is not rectangular/,
      ],
      ["an empty plan", () => rccpLoad([] as any, [[1]], null as any, null as any, null), /plan is empty/],
      ["a missing bill", () => rccpLoad([[1]], null as any, null as any, null as any, null), /bill is required/],
      [
        "an infinite quantity",
        () => rccpLoad([[Infinity]], [[1]], null as any, null as any, null),
        /a finite number is needed/,
      ],
    ])("%s", (_name, call, message) => {
      const error = excelError(call);
      expect(error.code).toBe("#VALUE!");
      expect(error.message).toMatch(message);
    });
  });
});

describe("=SOP.RCCP_LOAD column plans", () => {
  it("reads a column plan as items in one period when the bill has a row per item", () => {
    // hand calculation: items 10 and 20 units, 1 h and 3 h/unit on one resource: 10 + 60 = 70 h in the one period
    expect(rccpLoad([[10], [20]], [[1], [3]], null as any, null as any, null)).toEqual([[70]]);
  });
});
