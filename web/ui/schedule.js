// When the widget's deferred work runs: the one place that knows which scheduling APIs a browser
// has. Chromium has scheduler.postTask and scheduler.yield; Firefox has requestIdleCallback;
// Safari has neither in some versions, and then a task after the next frame stands in.

/** Runs `f` (which takes no arguments) once the page has nothing more urgent to do: after input, and after the next paint. */
export function whenIdle(f) {
  const g = globalThis;
  if (g.scheduler?.postTask) g.scheduler.postTask(f, { priority: 'background' });
  else if (g.requestIdleCallback) g.requestIdleCallback(f);
  else requestAnimationFrame(() => setTimeout(f));
}

/** A promise that resolves in a later task, so that the browser can handle input and paint first. */
export const nextTask = () => (globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve)));
