/** Dates, zones and working hours, shared by the tab, the bot and the API (`@confer/contracts/time`). */
export * from './date-key.ts';
export * from './series.ts';
export * from './working-hours.ts';
export * from './zoned-time.ts';
