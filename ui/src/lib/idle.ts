// The idle lock's clock, as plain logic: the app touches it on every key,
// click, wheel or pointer move and asks it, every few seconds, whether the
// desk has been left alone long enough to lock. Kept apart from the DOM so
// that the rule is unit-tested.

export class IdleClock {
  private last: number;

  constructor(
    private minutes: number,
    now: number,
  ) {
    this.last = now;
  }

  /** Someone used the desk at `now`. */
  touch(now: number): void {
    this.last = now;
  }

  /** The limit changed (a supervisor saved a new one). */
  setMinutes(minutes: number): void {
    this.minutes = minutes;
  }

  /** True once nobody has touched the desk for the set minutes. */
  expired(now: number): boolean {
    return this.minutes > 0 && now - this.last >= this.minutes * 60_000;
  }
}
