// A shared "now" for the time-since-received columns, refreshed every 30 s
// so the queue and the detail show the same age without each polling.

const TICK_MS = 30_000;

export const clock = $state({ now: Date.now() });

setInterval(() => {
  clock.now = Date.now();
}, TICK_MS);
