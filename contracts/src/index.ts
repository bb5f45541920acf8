export * from './dev-host.ts';
export * from './errors.ts';
export * from './runtime-config.ts';
export * from './week.ts';
