/** @jest-environment jsdom */
import "./support/jsdomGaps";
import { act, fireEvent, screen } from "@testing-library/react";
import type { OfficeLike } from "../../src/taskpane/host/officeHost";
import { startPane } from "../../src/taskpane/startPane";

// React 18's act() needs this flag outside a test renderer.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function container(): HTMLElement {
  const element = document.createElement("div");
  document.body.replaceChildren(element);
  return element;
}

/** An Office.js whose onReady answers when the test says so. */
function pendingOffice(): { office: OfficeLike; answer(host: unknown): void } {
  let answer: (info: { host: unknown }) => void = () => undefined;
  const ready = new Promise<{ host: unknown }>((resolve) => (answer = resolve));
  return {
    office: { onReady: () => ready, HostType: { Excel: "Excel" } },
    answer: (host) => answer({ host }),
  };
}

describe("pane start-up", () => {
  it("shows 'Connecting to Excel…' until Office.onReady answers, with no demo banner meanwhile", async () => {
    jest.useFakeTimers();
    try {
      const { office, answer } = pendingOffice();
      let started: Awaited<ReturnType<typeof startPane>> | undefined;
      await act(async () => {
        void startPane(container(), { office, browserPrefersDark: false, offerDemoAfterMs: 10000 }).then(
          (s) => (started = s),
        );
      });
      expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
      // 9 s later: still connecting, no demo data, no offer yet.
      await act(() => jest.advanceTimersByTimeAsync(9000));
      expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
      expect(screen.queryByText(/Demo mode/)).toBeNull();
      expect(screen.queryByRole("button", { name: "Continue with demo data" })).toBeNull();
      // Office answers: a browser (host null) → demo mode with the reason.
      await act(async () => answer(null));
      await act(() => jest.advanceTimersByTimeAsync(0));
      expect(started?.host).toMatchObject({ kind: "browser", reason: /not in Excel/ });
      expect(screen.getByText(/Demo mode/)).toBeTruthy();
      expect(screen.queryByText("Connecting to Excel…")).toBeNull();
      act(() => started!.root.unmount());
    } finally {
      jest.useRealTimers();
    }
  });

  it("offers demo data after a while but switches only when the planner asks", async () => {
    jest.useFakeTimers();
    try {
      const { office } = pendingOffice();
      let started: Awaited<ReturnType<typeof startPane>> | undefined;
      await act(async () => {
        void startPane(container(), { office, browserPrefersDark: false, offerDemoAfterMs: 10000 }).then(
          (s) => (started = s),
        );
      });
      await act(() => jest.advanceTimersByTimeAsync(10000));
      const offer = screen.getByRole("button", { name: "Continue with demo data" });
      // Another minute without a click: still connecting.
      await act(() => jest.advanceTimersByTimeAsync(60000));
      expect(started).toBeUndefined();
      expect(screen.getByText("Connecting to Excel…")).toBeTruthy();
      await act(async () => fireEvent.click(offer));
      await act(() => jest.advanceTimersByTimeAsync(0));
      expect(started?.host).toMatchObject({ kind: "browser", reason: /You chose demo data/ });
      expect(screen.getByText(/Demo mode/)).toBeTruthy();
      act(() => started!.root.unmount());
    } finally {
      jest.useRealTimers();
    }
  });

  it("starts in demo mode at once when Office.js is not there", async () => {
    let started: Awaited<ReturnType<typeof startPane>> | undefined;
    await act(async () => {
      started = await startPane(container(), { office: undefined, browserPrefersDark: false });
    });
    expect(started?.host).toMatchObject({ kind: "browser", reason: /Office.js is not available/ });
    expect(screen.queryByText("Connecting to Excel…")).toBeNull();
    expect(screen.getByText(/Demo mode/)).toBeTruthy();
    act(() => started!.root.unmount());
  });
});
