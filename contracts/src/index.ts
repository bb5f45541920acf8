export * from './dev-host.ts';
export * from './error-codes.ts';
export * from './errors.ts';
export * from './free-busy.ts';
export * from './local-tenant.ts';
export * from './runtime-config.ts';
export * from './scheduling.ts';
export * from './week.ts';
