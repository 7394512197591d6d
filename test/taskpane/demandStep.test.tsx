/** @jest-environment jsdom */
import "./support/jsdomGaps";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { DemandView, ForecastSeriesView } from "../../src/taskpane/cycle/views";
import { MAX_LISTED_ITEMS } from "../../src/taskpane/cycle/views";
import { DemandStep } from "../../src/taskpane/steps/demand/DemandStep";
import type { LinesChartProps } from "../../src/taskpane/components/LinesChart";

// The chart library is an ES module jest does not load; a figure with the chart's title stands in.
jest.mock("../../src/taskpane/components/LazyChart", () => ({
  LazyLinesChart: (props: LinesChartProps) => <div role="figure" aria-label={props.title} />,
}));

// Fixed views: these tests pin the item lookup's wiring, not the numbers.
const series = (level: "family" | "item", name: string, method?: string): ForecastSeriesView => ({
  level,
  name,
  historyPeriods: ["2026-01"],
  history: [10],
  forecastPeriods: ["2026-02"],
  forecast: [11],
  method,
});

describe("the demand step beyond MAX_LISTED_ITEMS items", () => {
  it("lists families only and charts an item typed by its code, fetched from the cycle", async () => {
    const view: DemandView = {
      series: [series("family", "Chairs"), series("family", "Tables")],
      itemCount: MAX_LISTED_ITEMS + 1,
      accuracy: [],
      written: ["DemandPlan"],
    };
    const asked: string[] = [];
    const onFindItem = async (item: string) => {
      asked.push(item);
      return item === "CH-0042" ? series("item", "CH-0042", "ETS(A,N,A)") : null;
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <DemandStep run={{ status: "done", result: view }} canRun onRun={() => undefined} onFindItem={onFindItem} />
      </FluentProvider>,
    );
    expect(screen.getByRole("figure").getAttribute("aria-label")).toBe("Chairs: history, forecast");
    expect(screen.getAllByRole("option").map((o) => o.textContent)).toEqual(["Chairs", "Tables"]);
    const code = screen.getByLabelText(`Or an item code (${(MAX_LISTED_ITEMS + 1).toLocaleString("en-US")} items)`);
    await act(async () => {
      fireEvent.change(code, { target: { value: "CH-0042" } });
    });
    expect(asked).toEqual(["CH-0042"]);
    expect(screen.getByRole("figure").getAttribute("aria-label")).toBe("CH-0042: history, forecast");
    expect(screen.getByText("Method: ETS(A,N,A)")).toBeTruthy();
    await act(async () => {
      fireEvent.change(code, { target: { value: "NOPE" } });
    });
    expect(screen.getByText("No item with that code.")).toBeTruthy();
  });
});
