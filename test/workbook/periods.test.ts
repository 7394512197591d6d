import { inferBucket, periodIndex, periodLabel } from "../../src/workbook/schema/periods";

const month = (value: string | number) => {
  const index = periodIndex(value, "month");
  return index === null ? null : periodLabel(index, "month");
};
const week = (value: string | number) => {
  const index = periodIndex(value, "week");
  return index === null ? null : periodLabel(index, "week");
};

describe("periods", () => {
  it("reads months from serials, YYYY-MM, dates as text and month names", () => {
    // 45444 = 2024-06-01 and 45473 = 2024-06-30 (Excel =DATE(2024,6,1), =DATE(2024,6,30)).
    expect(
      [45444, 45473, "2024-06", "2024-6", "2024-06-15", "Jun 2024", "June 2024", "Jun-24", "jun-2024", "45444"].map(
        month,
      ),
    ).toEqual(Array(10).fill("2024-06"));
    expect(["Sept 2024", "Dec-99"].map(month)).toEqual(["2024-09", "2099-12"]);
    expect(["2024-13", "Juni 2024", "Item 2024", "2024-W05", "hello", 12].map(month)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("reads ISO weeks, including the week-53 year and dates across a year end", () => {
    // ISO 8601: 2020 has 53 weeks; 2021-01-03 (a Sunday) is in 2020-W53; 2024-12-30 is in 2025-W01.
    expect(["2020-W53", "2021-01-03", "2024-12-30", "2025W01"].map(week)).toEqual([
      "2020-W53",
      "2020-W53",
      "2025-W01",
      "2025-W01",
    ]);
    expect(week("2021-W53")).toBeNull(); // 2021 has 52 weeks
    expect(periodIndex("2021-W01", "week")! - periodIndex("2020-W53", "week")!).toBe(1);
    expect(week("2024-06")).toBeNull();
  });

  it("infers weekly buckets from week labels or two dates in one month, else monthly", () => {
    expect(inferBucket(["2024-01", "2024-02"])).toBe("month");
    expect(inferBucket([45292, 45323])).toBe("month"); // 2024-01-01, 2024-02-01
    expect(inferBucket([45292, 45299])).toBe("week"); // 2024-01-01, 2024-01-08
    expect(inferBucket(["2024-W01"])).toBe("week");
  });
});
