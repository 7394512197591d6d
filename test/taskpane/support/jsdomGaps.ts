/** jsdom lacks ResizeObserver, which Fluent's MessageBar uses for reflow; layout is not what these tests check. */
class NoLayoutResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;
if (typeof window !== "undefined") (window as { ResizeObserver?: unknown }).ResizeObserver ??= NoLayoutResizeObserver;
export {};
