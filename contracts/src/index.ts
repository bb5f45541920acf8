export * from './errors.ts';
export * from './runtime-config.ts';
export * from './week.ts';
export * from './dev-host.ts';
