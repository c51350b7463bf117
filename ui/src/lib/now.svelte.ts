// A shared "now" for the time-since-received columns, refreshed every 10 s
// so the queue and the detail show the same age without each polling.

const TICK_MS = 10_000;

export const clock = $state({ now: Date.now() });

setInterval(() => {
  clock.now = Date.now();
}, TICK_MS);
